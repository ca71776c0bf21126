/**
 * The start page: open or drop an ONNX or PruneLab file, pick a zoo model (bundled trained weights
 * marked) and a dataset, reopen a recent project. It reaches the shell only through {@link
 * org.prunelab.ui.start.StartContext}.
 */
package org.prunelab.ui.start;
