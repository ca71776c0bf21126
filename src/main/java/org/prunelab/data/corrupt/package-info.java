/**
 * The common corruptions of Hendrycks and Dietterich (2019, CIFAR-10-C) and the MNIST-C extras of
 * Mu and Gilmer (2019): 27 {@link org.prunelab.data.corrupt.Corruption}s in five {@link
 * org.prunelab.data.corrupt.CorruptionFamily} families (noise, blur, weather, digital, MNIST-C),
 * each at severities 1 to 5, on grey or RGB images in [0, 1] before normalisation, deterministic
 * given a seed. {@link org.prunelab.data.corrupt.Corruptions#byName} parses a name (the message
 * lists the valid ones), {@link org.prunelab.data.corrupt.CorruptedDataset} corrupts a test set
 * image by image with a seed per image. Where the severity tables depart from the reference
 * scripts, and why: docs/adr/0007-corruption-severity-tables.md; the list and its use in sweeps:
 * docs/data.md.
 *
 * <p>Pure Java over pixel arrays (filters, warps, a JPEG codec, procedural frost and plasma
 * textures): may use {@code data} (for {@code ImageDataset}) and {@code error}, no tensors.
 */
package org.prunelab.data.corrupt;
