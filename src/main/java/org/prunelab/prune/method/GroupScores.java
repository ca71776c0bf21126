package org.prunelab.prune.method;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Layer;
import org.prunelab.prune.ChannelConsumer;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.prune.ChannelProducer;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.prune.allocate.PfpSampleComplexity;
import org.prunelab.prune.allocate.SensitivityTerm;
import org.prunelab.prune.sensitivity.LayerScores;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * Turns per-layer scores into one importance per channel of a channel group. Every scored layer
 * touching the group (each consumer's input-channel scores, or each producer's output-filter
 * scores) gives a vector over the group's channels (a channel that is H W features after a Flatten
 * sums its features; weight-only scores are summed over each input channel's weights); each vector
 * is normalised to shares p_j = s_j / sum_j s_j and a channel's importance is its largest share
 * over the layers, so a channel that any layer relies on stays. With PFP sensitivities, every
 * consumer also contributes a {@link SensitivityTerm} (its s_j over the group, its S_l over all its
 * inputs and alpha_l) for the optimal allocation.
 */
final class GroupScores {
  private GroupScores() {}

  static AllocationUnit unit(
      Network network,
      ChannelGroup group,
      SensitivityReport report,
      ScoreSide side,
      boolean withTerms) {
    List<float[]> vectors = new ArrayList<>();
    List<SensitivityTerm> terms = new ArrayList<>();
    if (side == ScoreSide.CONSUMER_INPUTS) {
      for (ChannelConsumer consumer : group.consumers()) {
        LayerScores scores = scoresOf(report, consumer.node());
        if (consumer.tied()
            || scores == null
            || !(scores.hasInputChannelScores() || scores.hasWeightScores())) {
          continue;
        }
        float[] all =
            scores.hasInputChannelScores()
                ? scores.inputChannelScores()
                : perInputFeature(
                    scores.weightScores(),
                    network.parametersOf(consumer.node()).get("weight").getShape().getShape());
        float[] perChannel =
            gather(all, consumer.offset(), group.channels(), consumer.featuresPerChannel());
        vectors.add(perChannel);
        if (withTerms) {
          terms.add(
              new SensitivityTerm(
                  consumer.node(), perChannel, sum(all), alpha(network, consumer.node())));
        }
      }
    } else {
      for (ChannelProducer producer : group.producers()) {
        LayerScores scores = scoresOf(report, producer.node());
        if (producer.tied() || scores == null || !scores.hasOutputChannelScores()) {
          continue;
        }
        vectors.add(
            gather(
                scores.outputChannelScores(),
                producer.offset(),
                group.channels(),
                producer.featuresPerChannel()));
      }
    }
    return new AllocationUnit(
        group.id(), group.channels(), largestShare(vectors, group.channels()), terms);
  }

  /** alpha_l of a consumer: its output positions (1 for a linear layer) and kernel size. */
  static double alpha(Network network, String node) {
    long[] shape = network.shapeOf(node).getShape();
    long positions = shape.length == 3 ? shape[1] * shape[2] : 1;
    Layer layer = network.node(node).layer();
    long kernel = layer instanceof Conv2d conv ? (long) conv.kernelH() * conv.kernelW() : 1;
    return PfpSampleComplexity.alpha(positions, kernel);
  }

  /** Sums per-weight scores over everything but the input axis of an (out, in, ...) weight. */
  private static float[] perInputFeature(float[] weightScores, long[] weightShape) {
    int out = Math.toIntExact(weightShape[0]);
    int in = Math.toIntExact(weightShape[1]);
    int inner = weightScores.length / (out * in);
    float[] perInput = new float[in];
    for (int o = 0; o < out; o++) {
      for (int j = 0; j < in; j++) {
        for (int k = 0; k < inner; k++) {
          perInput[j] += Math.abs(weightScores[(o * in + j) * inner + k]);
        }
      }
    }
    return perInput;
  }

  private static LayerScores scoresOf(SensitivityReport report, String node) {
    return report.layers().stream().filter(l -> l.node().equals(node)).findFirst().orElse(null);
  }

  private static float[] gather(
      float[] features, int offset, int channels, int featuresPerChannel) {
    float[] perChannel = new float[channels];
    for (int k = 0; k < channels; k++) {
      float s = 0;
      for (int f = 0; f < featuresPerChannel; f++) {
        s += features[offset + k * featuresPerChannel + f];
      }
      perChannel[k] = s;
    }
    return perChannel;
  }

  private static float[] largestShare(List<float[]> vectors, int channels) {
    float[] importance = new float[channels];
    if (vectors.isEmpty()) {
      java.util.Arrays.fill(importance, 1f / channels);
      return importance;
    }
    for (float[] v : vectors) {
      double total = sum(v);
      for (int k = 0; k < channels; k++) {
        float share = total > 0 ? (float) (v[k] / total) : 1f / channels;
        importance[k] = Math.max(importance[k], share);
      }
    }
    return importance;
  }

  static double sum(float[] a) {
    double s = 0;
    for (float v : a) {
      s += v;
    }
    return s;
  }
}
