/**
 * The {@code prunelab} command line (picocli): {@link org.prunelab.cli.PruneLabCli} and one
 * package-private command class per verb ({@code info}, {@code train}, {@code eval}, {@code
 * export}, {@code verify}, {@code sensitivity}, {@code prune}, {@code experiment run | status |
 * report}, {@code plot}, {@code bench}), with shared option mix-ins ({@code ModelOptions}, {@code
 * DataOptions}, {@code SampleOptions}, {@code StoreOptions}) and {@code TerminalProgress}, the
 * {@code JobContext} that draws a progress bar with ETA on stderr.
 *
 * <p>A thin layer: commands parse strings into the library's types, call the same code the
 * workbench calls, and print tables or {@code --json} on stdout (the only package that writes to
 * stdout; logs go to stderr). A {@code PruneLabException} becomes one {@code error:} line and exit
 * status 2. May use every library package; nothing but {@link org.prunelab.Launcher} uses it, and
 * it does not use {@code ui}.
 */
package org.prunelab.cli;
