package io.gamedata.simulator.catalog;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Small sampling helpers over {@link SplittableRandom}. */
final class Sampling {

  private Sampling() {}

  /** A discrete distribution over indexes 0..n-1 by weight (cumulative table, binary search). */
  static final class Discrete {
    private final double[] cdf;

    Discrete(double[] weights) {
      cdf = new double[weights.length];
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i];
        cdf[i] = sum;
      }
      for (int i = 0; i < cdf.length; i++) {
        cdf[i] /= sum;
      }
    }

    /** Zipf weights 1/(rank+1)^s over n items. */
    static Discrete zipf(int n, double s) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = 1.0 / Math.pow(i + 1, s);
      }
      return new Discrete(w);
    }

    int sample(SplittableRandom rng) {
      int i = Arrays.binarySearch(cdf, rng.nextDouble());
      i = i < 0 ? -i - 1 : i;
      return Math.min(i, cdf.length - 1);
    }

    int size() {
      return cdf.length;
    }
  }

  static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  static int geometric(SplittableRandom rng, double p) {
    return (int) Math.floor(Math.log(1.0 - rng.nextDouble()) / Math.log(1.0 - p));
  }

  static long mix(long seed, long a, long b) {
    long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
