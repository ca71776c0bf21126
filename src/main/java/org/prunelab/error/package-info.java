/**
 * The user-error family shared by every package: {@link org.prunelab.error.PruneLabException} is
 * the base of every error PruneLab reports to a person (a missing dataset, an unsupported ONNX
 * operator, an impossible budget), and its message names the problem and the way out. Each package
 * extends it with its own type ({@code DatasetException}, {@code ModelFileException}, {@code
 * AllocationException}, {@code ExperimentSpecException}, ...); the command line prints such an
 * error as one {@code error:} line and exits with status 2, the workbench shows it in a dialog.
 *
 * <p>The bottom of the layer ladder (docs/architecture.md): JDK only, usable from everywhere.
 */
package org.prunelab.error;
