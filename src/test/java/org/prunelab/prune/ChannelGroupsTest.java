package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Channel groups worked out by hand for zoo models and hand-built graphs, and surgery on those
 * graphs.
 */
class ChannelGroupsTest {

  private static List<String> ids(List<ChannelGroup> groups) {
    return groups.stream().map(ChannelGroup::id).toList();
  }

  private static List<String> producers(ChannelGroup g) {
    return g.producers().stream().map(ChannelProducer::node).toList();
  }

  private static List<String> consumers(ChannelGroup g) {
    return g.consumers().stream().map(ChannelConsumer::node).toList();
  }

  private static ChannelGroups trace(Supplier<NetworkBuilder> builder) {
    try (Network net = builder.get().build(Device.cpu(), 1)) {
      return ChannelGroups.trace(net);
    }
  }

  @Test
  void resnet20HasOneGroupPerStageAndOnePerBlockInterior() {
    ChannelGroups g = trace(() -> Zoo.builder("resnet20", ZooOptions.colour32()));
    // input, stage 1 (stem and every block's conv2 tied by the additions), 9 block interiors,
    // stages 2 and 3
    // (tied to their 1x1 shortcut convs), the classifier
    assertEquals(
        List.of(
            "input",
            "conv1",
            "layer1.0.conv1",
            "layer1.1.conv1",
            "layer1.2.conv1",
            "layer2.0.conv1",
            "layer2.0.conv2",
            "layer2.1.conv1",
            "layer2.2.conv1",
            "layer3.0.conv1",
            "layer3.0.conv2",
            "layer3.1.conv1",
            "layer3.2.conv1",
            "fc"),
        ids(g.groups()));
    assertEquals(12, g.prunable().size());
    ChannelGroup stage1 = g.group("conv1");
    assertEquals(16, stage1.channels());
    assertEquals(
        List.of(
            "conv1",
            "bn1",
            "layer1.0.conv2",
            "layer1.0.bn2",
            "layer1.1.conv2",
            "layer1.1.bn2",
            "layer1.2.conv2",
            "layer1.2.bn2"),
        producers(stage1));
    assertEquals(
        List.of(
            "layer1.0.conv1",
            "layer1.1.conv1",
            "layer1.2.conv1",
            "layer2.0.conv1",
            "layer2.0.shortcut.0"),
        consumers(stage1));
    ChannelGroup stage2 = g.group("layer2.0.conv2");
    assertEquals(32, stage2.channels());
    assertTrue(
        producers(stage2)
            .containsAll(List.of("layer2.0.shortcut.0", "layer2.0.shortcut.1", "layer2.2.conv2")),
        producers(stage2).toString());
    ChannelGroup stage3 = g.group("layer3.0.conv2");
    assertEquals(new ChannelConsumer("fc", 0, 0, 64, 1, false), stage3.consumers().get(2));
    assertEquals(List.of("layer1.0.conv2"), consumers(g.group("layer1.0.conv1")));
    assertEquals(stage2, g.groupOfProducer("layer2.1.bn2"));
    assertTrue(g.group("fc").reason().contains("network output"), g.group("fc").reason());
    assertTrue(g.group("input").reason().contains("network input"), g.group("input").reason());
  }

  @Test
  void lenetFlattenMapsEachChannelToItsFeatures() {
    ChannelGroups g = trace(() -> Zoo.builder("lenet5", ZooOptions.grey28()));
    assertEquals(List.of("input", "conv1", "conv2", "fc1", "fc2"), ids(g.groups()));
    // conv2's 50 channels of 4 x 4 reach fc1 as 800 features, 16 per channel
    assertEquals(List.of(new ChannelConsumer("fc1", 0, 0, 50, 16, false)), g.consumersOf("conv2"));
    ChannelGroups mlp = trace(() -> Zoo.builder("lenet-300-100", ZooOptions.grey28()));
    assertEquals(List.of("fc1", "fc2"), ids(mlp.prunable()));
    // the input's 1 x 28 x 28 pixels are 784 features of one channel
    assertEquals(
        List.of(new ChannelConsumer("fc1", 0, 0, 1, 784, false)), mlp.consumersOf("input"));
  }

  @Test
  void residualBlocksTieTheShortcutToTheBlockOutput() {
    ChannelGroups g = trace(Architectures::residual);
    assertEquals(List.of("input", "stem", "a.conv1", "b.conv1", "b.conv2", "fc"), ids(g.groups()));
    assertEquals(List.of("stem", "stem.bn", "a.conv2", "a.bn2"), producers(g.group("stem")));
    assertEquals(List.of("a.conv1", "b.conv1", "b.shortcut"), consumers(g.group("stem")));
    assertEquals(
        List.of("b.conv2", "b.bn2", "b.shortcut", "b.shortcut.bn"), producers(g.group("b.conv2")));
    assertEquals(List.of("stem", "a.conv1", "b.conv1", "b.conv2"), ids(g.prunable()));
  }

  @Test
  void concatMapsChannelRangesOfTheFireModule() {
    ChannelGroups g = trace(Architectures::fire);
    assertEquals(
        List.of(new ChannelConsumer("conv1", 0, 0, 4, 1, false)), g.consumersOf("expand1x1"));
    assertEquals(
        List.of(new ChannelConsumer("conv1", 0, 4, 5, 1, false)), g.consumersOf("expand3x3"));
    // the BatchNorm after the Concat carries both groups, at offsets 0 and 4
    assertEquals(
        new ChannelProducer("concat.bn", 4, 5, 1, true), g.group("expand3x3").producers().get(1));
    assertEquals(List.of("expand1x1", "expand3x3"), consumers(g.group("squeeze")));
  }

  @Test
  void depthwiseConvolutionTiesItsInputToItsOutput() {
    ChannelGroups g = trace(Architectures::invertedResidual);
    assertEquals(List.of("input", "stem", "expand", "last", "fc"), ids(g.groups()));
    ChannelGroup expanded = g.group("expand");
    assertEquals(24, expanded.channels());
    assertEquals(
        List.of(
            new ChannelProducer("expand", 0, 24, 1, false),
            new ChannelProducer("expand.bn", 0, 24, 1, true),
            new ChannelProducer("depthwise", 0, 24, 1, true),
            new ChannelProducer("depthwise.bn", 0, 24, 1, true)),
        expanded.producers());
    assertEquals(
        List.of(
            new ChannelConsumer("depthwise", 0, 0, 24, 1, true),
            new ChannelConsumer("project", 0, 0, 24, 1, false)),
        expanded.consumers());
    // the linear bottleneck is tied to the block input by the residual addition
    assertEquals(List.of("stem", "stem.bn", "project", "project.bn"), producers(g.group("stem")));
  }

  @Test
  void squeezeExcitationGateIsTiedToTheFeatureMap() {
    ChannelGroups g = trace(Architectures::squeezeExcitation);
    assertEquals(List.of("input", "conv", "se.fc1", "conv2", "fc"), ids(g.groups()));
    assertEquals(List.of("conv", "bn", "se.fc2"), producers(g.group("conv")));
    assertEquals(List.of("se.fc1", "conv2"), consumers(g.group("conv")));
    assertEquals(List.of("se.fc2"), consumers(g.group("se.fc1")));
  }

  @Test
  void reshapesThatKeepChannelsWholePassThemOn() {
    ChannelGroups g = trace(Architectures::squeezeExcitationWithReshape);
    assertEquals(List.of("input", "conv", "se.fc1", "conv2", "fc"), ids(g.groups()));
    assertEquals(List.of("conv", "se.fc2"), producers(g.group("conv")));
    assertEquals(List.of("se.fc1", "conv2"), consumers(g.group("conv")));
    // the head's Reshape flattens 6 x 4 x 4: 16 features per channel of conv2
    assertEquals(List.of(new ChannelConsumer("fc", 0, 0, 6, 16, false)), g.consumersOf("conv2"));
    try (Network net = PruneTests.build(Architectures.squeezeExcitationWithReshape(), 8);
        Network pruned =
            Surgery.keep(net, Map.of("conv", new int[] {0, 5}, "conv2", new int[] {1, 2, 3}))) {
      assertEquals(new Reshape(new long[] {2}), pruned.node("se.flat").layer());
      assertEquals(new Reshape(new long[] {2, 1, 1}), pruned.node("se.unflat").layer());
      assertEquals(new Reshape(new long[] {3 * 4 * 4}), pruned.node("flat").layer());
      assertEquals(new Reshape(new long[] {12, 1, 1}), net.node("se.unflat").layer());
    }
  }

  @Test
  void flattenIntoLinearCountsHeightTimesWidthFeaturesPerChannel() {
    ChannelGroups g = trace(Architectures::flattenIntoLinear);
    assertEquals(List.of(new ChannelConsumer("fc1", 0, 0, 4, 9, false)), g.consumersOf("conv"));
    assertEquals(List.of("fc1", "bn1d"), producers(g.group("fc1")));
  }

  @Test
  void handBuiltGraphsPruneExactly() {
    List<Supplier<NetworkBuilder>> graphs =
        List.of(
            Architectures::residual,
            Architectures::fire,
            Architectures::invertedResidual,
            Architectures::squeezeExcitation,
            Architectures::flattenIntoLinear,
            Architectures::squeezeExcitationWithReshape,
            Architectures::unusual);
    for (int i = 0; i < graphs.size(); i++) {
      try (Network net = PruneTests.build(graphs.get(i).get(), 20 + i)) {
        ChannelGroups groups = ChannelGroups.trace(net);
        for (long seed = 1; seed <= 4; seed++) {
          PruneTests.checkSurgery(
              net, PruneTests.randomPlan(groups, seed), "graph " + i + " plan " + seed);
        }
      }
    }
  }

  @Test
  void depthwiseSurgeryShrinksTheGroupsOfTheConvolution() {
    try (Network net = PruneTests.build(Architectures.invertedResidual(), 4);
        Network pruned =
            Surgery.keep(net, Map.of("expand", new int[] {0, 5, 23}, "stem", new int[] {7}))) {
      assertEquals(
          new Conv2d(3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 3, false), pruned.node("depthwise").layer());
      assertEquals(new Shape(3, 1, 3, 3), pruned.parameters().get("depthwise.weight").getShape());
      assertEquals(new Shape(1, 3, 1, 1), pruned.parameters().get("project.weight").getShape());
      assertEquals(new Shape(1), pruned.parameters().get("stem.bn.running_var").getShape());
      assertEquals(
          net.parameters().get("depthwise.bn.running_mean").getFloat(23),
          pruned.parameters().get("depthwise.bn.running_mean").getFloat(2));
    }
  }

  @Test
  void channelsMeetingUnknownSemanticsAreUnprunableWithAReason() {
    ChannelGroups g = trace(Architectures::unusual);
    assertTrue(
        g.group("a").reason().contains("grouped convolution 'grouped' (groups=2)"),
        g.group("a").reason());
    assertTrue(
        g.group("grouped").reason().contains("grouped convolution"), g.group("grouped").reason());
    assertTrue(
        g.group("c").reason().contains("a Reshape that mixes channels at 'reshape'"),
        g.group("c").reason());
    assertTrue(g.group("reshape").reason().contains("Reshape"), g.group("reshape").reason());
    assertTrue(g.group("d").reason().contains("Softmax over channels"), g.group("d").reason());
    assertTrue(
        g.group("mask").reason().contains("broadcast across the channels by Mul 'gated'"),
        g.group("mask").reason());
    assertTrue(g.group("f").reason().contains("only part"), g.group("f").reason());
    assertEquals(List.of("e", "k"), ids(g.prunable()));
    assertEquals(5, g.group("f").channels());
    assertEquals(List.of("f", "h", "k.cut"), producers(g.group("f")));
    assertFalse(g.group("f").prunable());
  }
}
