package org.prunelab.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.LayerInfo;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkSummary;
import org.prunelab.nn.layer.Mode;

/**
 * Parameter and MAC counts of every zoo model against numbers worked out by hand (the sums are
 * written out in the comments), and a forward pass of each on grey 28x28 and colour 32x32 input.
 */
class ZooTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fc1 784*300+300, fc2 300*100+100, fc3 100*10+10; MACs without biases
    "lenet-300-100, 266610, 266200",
    // conv1 20*25+20, conv2 50*20*25+50, fc1 800*500+500, fc2 500*10+10;
    // MACs 24*24*20*25 + 8*8*50*20*25 + 800*500 + 500*10
    "lenet5, 431080, 2293000",
    // stem 144 + BN 32; stage 1: 3 blocks of 2*2304 + 64; stage 2: 4608+9216+128+512+64 then
    // 2*(2*9216+128);
    // stage 3: 18432+36864+256+2048+128 then 2*(2*36864+256); fc 650.
    // MACs: 784*16*9 + 6*784*16*16*9 + (196*32*16*9 + 5*196*32*32*9 + 196*32*16) + (49*64*32*9 +
    // 5*49*64*64*9
    // + 49*64*32) + 640
    "resnet20, 272186, 31021952",
    // as resnet20 with 9 blocks per stage
    "resnet56, 855482, 96050048",
    // convs 576+73728+294912+589824+1179648+3*2359296, BN 5504, classifier 262656+1024+5130;
    // MACs 784*64*9 + 196*128*64*9 + 49*256*128*9 + 49*256*256*9 + 9*512*256*9 + 9*512*512*9 +
    // 2*512*512*9
    // + 512*512 + 512*10
    "vgg11, 9490890, 95090688",
  })
  void countsMatchHandComputedValuesOnGrey28(String name, long params, long macs) {
    try (Network net = Zoo.create(name, ZooOptions.grey28(), Device.cpu(), 1)) {
      NetworkSummary summary = net.summary();
      assertEquals(params, summary.parameters(), "parameters of " + name);
      assertEquals(macs, summary.macs(), "MACs of " + name);
      assertEquals(
          summary.parameters(), summary.layers().stream().mapToLong(LayerInfo::params).sum());
      assertArrayEquals(new long[] {10}, net.outputShape().getShape());
    }
  }

  @Test
  void resnet56MacsFollowFromResnet20ByBlockCount() {
    // each extra block of stage s adds 2 convs of the stage's width: 6 more per stage from n = 3 to
    // n = 9
    long perStage1 = 2L * 784 * 16 * 16 * 9;
    long perStage2 = 2L * 196 * 32 * 32 * 9;
    long perStage3 = 2L * 49 * 64 * 64 * 9;
    assertEquals(31021952L + 6 * (perStage1 + perStage2 + perStage3), 96050048L);
  }

  @Test
  void resnet20ShapesOnGreyInput() {
    try (Network net = Zoo.create("resnet20", ZooOptions.grey28(), Device.cpu(), 1)) {
      assertEquals(new Shape(16, 28, 28), net.shapeOf("layer1.2.relu2"));
      assertEquals(new Shape(32, 14, 14), net.shapeOf("layer2.0.add"));
      assertEquals(new Shape(64, 7, 7), net.shapeOf("layer3.2.relu2"));
      assertEquals(new Shape(64, 1, 1), net.shapeOf("avgpool"));
      assertTrue(net.parameters().containsKey("layer1.0.conv1.weight"));
      assertTrue(net.parameters().containsKey("layer2.0.shortcut.0.weight"));
      assertTrue(net.parameters().containsKey("bn1.running_var"));
    }
  }

  @Test
  void grouped32ColourVariantsRunForward() {
    for (String name : Zoo.names()) {
      try (Network net = Zoo.create(name, ZooOptions.colour32().withWidth(0.25), Device.cpu(), 3);
          NDManager m = NDManager.newBaseManager(Device.cpu())) {
        NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
        NDArray eval = net.forward(x, Mode.EVAL);
        NDArray train = net.forward(x, Mode.TRAIN);
        assertEquals(new Shape(2, 10), eval.getShape(), name);
        assertEquals(new Shape(2, 10), train.getShape(), name);
      }
    }
  }

  @Test
  void widthMultiplierScalesChannels() {
    try (Network net =
        Zoo.create("resnet20", ZooOptions.grey28().withWidth(0.5), Device.cpu(), 1)) {
      assertEquals(new Shape(8, 28, 28), net.shapeOf("conv1"));
      assertEquals(new Shape(32, 7, 7), net.shapeOf("layer3.0.conv1"));
    }
  }

  @Test
  void unknownNameListsTheBuiltInModels() {
    PruneLabException e =
        assertThrows(
            PruneLabException.class,
            () -> Zoo.create("resnet18", ZooOptions.grey28(), Device.cpu(), 1));
    assertTrue(
        e.getMessage().contains("resnet20") && e.getMessage().contains("resnet18"), e.getMessage());
  }
}
