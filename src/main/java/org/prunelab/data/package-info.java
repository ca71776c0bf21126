/**
 * Datasets as PruneLab reads them (docs/data.md): {@link org.prunelab.data.Datasets} loads a
 * dataset by name (Fashion-MNIST and MNIST from IDX files, CIFAR-10 from its binary batches, or the
 * built-in seeded synthetic set) from the folder {@link org.prunelab.data.DatasetLocator} finds,
 * and splits the official training set with {@link org.prunelab.data.SplitOptions} into train,
 * validation and the held-out sample set S of data-informed pruning ({@link
 * org.prunelab.data.DataSplits}, with the training part's {@link org.prunelab.data.Normalization}).
 * Images are kept as bytes in an immutable {@link org.prunelab.data.ImageDataset}; a {@link
 * org.prunelab.data.DataLoader} cuts them into seeded, augmented ({@link
 * org.prunelab.data.RandomCrop}, {@link org.prunelab.data.HorizontalFlip}), normalised {@link
 * org.prunelab.data.Batch}es, each in its own child {@code NDManager} that the caller closes.
 *
 * <p>May use {@code error} and DJL's arrays (for batches only). A missing or malformed dataset is a
 * {@link org.prunelab.data.DatasetException} naming the paths searched and how to install or repair
 * it.
 */
package org.prunelab.data;
