/**
 * PruneLab: a desktop workbench and Java library for compressing neural networks (structured and
 * unstructured pruning, low-rank decomposition) on libtorch through DJL.
 *
 * <p>The root package holds only {@link org.prunelab.Launcher}, the entry point of {@code
 * prunelab.jar}: it runs the engine self-check of docs/adr/0003-onednn-isa-guard.md (restarting the
 * JVM with oneDNN capped at SSE4.1 where libtorch's convolutions are wrong), then opens the
 * workbench ({@code ui}) without arguments or runs the command line ({@code cli}) with them. It is
 * the top of the layer ladder (docs/architecture.md): it may use every package, and no package uses
 * it.
 */
package org.prunelab;
