package org.prunelab.error;

/**
 * A setting a user chose (a command-line option, a field of an experiment spec, a component of a
 * validated options record such as a training recipe or a split) that lies outside its allowed
 * values. The message names the setting, what it allows and the value given.
 */
public class InvalidSettingException extends PruneLabException {

  /** Creates an exception whose message names the setting, its allowed values and the value. */
  public InvalidSettingException(String message) {
    super(message);
  }

  /** Creates an exception for a setting that failed to parse with {@code cause}. */
  public InvalidSettingException(String message, Throwable cause) {
    super(message, cause);
  }
}
