/**
 * Built-in architectures and model lookup. {@link org.prunelab.zoo.Zoo} builds LeNet-300-100,
 * LeNet-5, VGG-11/16 with BatchNorm and CIFAR-style ResNet-20/56 for any input shape, class count
 * and width multiplier ({@link org.prunelab.zoo.ZooOptions}) with seeded weights; {@link
 * org.prunelab.zoo.BundledModels} finds the trained models shipped in {@code assets/models}; {@link
 * org.prunelab.zoo.ModelResolver} turns what a user typed after {@code --model} (a zoo name, a
 * {@code .plm} file or an {@code .onnx} file) into a network.
 *
 * <p>May use {@code nn}, {@code nn.layer}, {@code nn.onnx} (to open ONNX files), {@code error} and
 * DJL.
 */
package org.prunelab.zoo;
