package org.modellens.stats;

import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Survival function of the two-sided one-sample Kolmogorov statistic D_n, a port of scipy's
 * {@code scipy.stats.kstwo.sf(x, n)} ({@code scipy/stats/_ksstats.py}, {@code _kolmogn(n, x, cdf=False)}),
 * including the Durbin matrix (MTW), Pomeranz and Pelz-Good algorithms; the one-sided Smirnov
 * survival function (scipy.special.smirnov) is evaluated with the Birnbaum-Tingey sum, each term computed as a
 * binomial probability with Loader's saddle-point expansion (relative accuracy ~1e-13).
 */
final class Kolmogn {
    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, 128);
    private static final double EM128 = Math.scalb(1.0, -128);
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double MIN_LOG = -708;
    private static final double SQRT3 = Math.sqrt(3);
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = Math.pow(Math.PI, 4);
    private static final double PI_SIX = Math.pow(Math.PI, 6);
    private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
        7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private Kolmogn() {
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, 0.0), 1.0);
    }

    /** kstwo.sf(x, n) for integer-valued n &gt;= 1. */
    static double sf(double nD, double x) {
        if (Double.isNaN(nD) || nD < 1 || Math.rint(nD) != nD) {
            return Double.NaN;
        }
        int n = (int) nD;
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double prob;
            if (n <= 140) {
                prob = 1.0;
                for (int i = 1; i <= n; i++) {
                    prob *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - prob);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnovSf(n, x));
        }
        double nxsquared = t * x;
        if (n <= 140) {
            if (nxsquared <= 0.754693) {
                return clip(1.0 - dmtw(n, x));
            }
            if (nxsquared <= 4) {
                return clip(1.0 - pomeranz(n, x));
            }
            return clip(2 * smirnovSf(n, x));
        }
        if (nxsquared >= 370.0) {
            return 0.0;
        }
        if (nxsquared >= 2.2) {
            return clip(2 * smirnovSf(n, x));
        }
        double cdfprob;
        if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdfprob = dmtw(n, x);
        } else {
            cdfprob = pelzGood(n, x);
        }
        return clip(1.0 - cdfprob);
    }

    private static double logNFactorialDivNPowN(int n) {
        double rn = 1.0 / n;
        double z = rn / n;
        double poly = 0;
        for (double c : STIRLING) {
            poly = poly * z + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /**
     * One-sided Smirnov survival function Pr(D_n^+ &gt;= x) (scipy.special.smirnov), Birnbaum-Tingey:
     * x * sum_{j=0}^{floor(n(1-x))} C(n,j) (1-x-j/n)^(n-j) (x+j/n)^(j-1).
     */
    static double smirnovSf(int n, double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        if (n == 1) {
            return 1.0 - x;
        }
        int jmax = (int) Math.floor(n * (1 - x));
        double sum = 0.0;
        for (int j = 0; j <= jmax; j++) {
            double jn = (double) j / n;
            double b = x + jn;
            double a = 1.0 - x - jn;
            if (a <= 0 || b >= 1) {
                continue;
            }
            // C(n,j) a^(n-j) b^(j-1) = dbinom(j; n, b) / b, evaluated with Loader's saddle-point expansion
            double logPmf = new BinomialDistribution(n, b).logProbability(j);
            sum += Math.exp(logPmf) / b;
        }
        return clip(x * sum);
    }

    /** Durbin matrix algorithm (Marsaglia-Tsang-Wang): Pr(D_n &lt;= d). */
    static double dmtw(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[][] hm = new double[m][m];
        double[] v = new double[m];
        double[] w = new double[m];
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
        }
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] hp = new double[m][m];
        for (int r = 0; r < m; r++) {
            hp[r][r] = 1.0;
        }
        int nn = n;
        int expnt = 0;
        int hexpnt = 0;
        while (nn > 0) {
            if (nn % 2 != 0) {
                hp = matmul(hp, hm);
                expnt += hexpnt;
            }
            hm = matmul(hm, hm);
            hexpnt *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > EP128) {
                for (double[] row : hm) {
                    for (int c = 0; c < m; c++) {
                        row[c] /= EP128;
                    }
                }
                hexpnt += E128;
            }
            nn /= 2;
        }
        double p = hp[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                expnt -= E128;
            }
        }
        if (expnt != 0) {
            p = Math.scalb(p, expnt);
        }
        return clip(p);
    }

    private static double[][] matmul(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] ci = c[i];
            double[] ai = a[i];
            for (int k = 0; k < m; k++) {
                double aik = ai[k];
                if (aik == 0.0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    private static int[] pomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** Pomeranz recursion: Pr(D_n &lt;= x). */
    static double pomeranz(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = 1.0 * (t - ll);
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        int expnt = 0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int[] jj = pomeranzJ1J2(0, n, ll, ceilf, roundf);
        int j1 = jj[0];
        int j2 = jj[1];
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j1;
            double[] tmp = v0;
            v0 = v1;
            v1 = tmp;
            int ts = v0s;
            v0s = v1s;
            v1s = ts;
            java.util.Arrays.fill(v1, 0.0);
            jj = pomeranzJ1J2(i, n, ll, ceilf, roundf);
            j1 = jj[0];
            j2 = jj[1];
            double[] pwrs;
            if (i == 1 || i == 2 * n + 1) {
                pwrs = gpower;
            } else {
                pwrs = (i % 2 != 0) ? twogpower : onem2gpower;
            }
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                int aStart = k1 - v0s;
                int la = Math.max(0, Math.min(ln2, npwrs - aStart));
                int lb = Math.min(ln2, npwrs);
                int convLenFull = la + lb - 1;
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                for (int c = 0; c < convLen; c++) {
                    int idx = convStart + c;
                    if (idx < 0 || idx >= convLenFull) {
                        continue;
                    }
                    double s = 0;
                    int lo = Math.max(0, idx - lb + 1);
                    int hi = Math.min(idx, la - 1);
                    for (int q = lo; q <= hi; q++) {
                        s += v0[aStart + q] * pwrs[idx - q];
                    }
                    v1[c] = s;
                }
                double mx = Double.NEGATIVE_INFINITY;
                for (double vv : v1) {
                    mx = Math.max(mx, vv);
                }
                if (0 < mx && mx < EM128) {
                    for (int c = 0; c < npwrs; c++) {
                        v1[c] *= EP128;
                    }
                    expnt -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                expnt += E128;
            }
            ans *= m;
        }
        if (expnt != 0) {
            ans = Math.scalb(ans, expnt);
        }
        return clip(ans);
    }

    /** Pelz-Good asymptotic approximation to Pr(D_n &lt;= x). */
    static double pelzGood(int n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double zsquared = z * z;
        double zthree = z * z * z;
        double zfour = zsquared * zsquared;
        double zsix = zfour * zsquared;
        double qlog = -PI_SQUARED / 8 / zsquared;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -zsquared;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * zsix + 2 * zfour;
        double k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
        double k3d = PI_SIX * (5 - 30 * zsquared) / 64;
        double k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
        double k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
        double k3a = -30 * zsix - 90 * Math.pow(z, 8);
        double[] kk = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--) {
            double m = 2 * k - 1;
            double msquared = m * m;
            double mfour = msquared * msquared;
            double msix = mfour * msquared;
            double qpower = Math.pow(q, 8 * k);
            double[] coeffs = {1.0, k1a + k1b * msquared, k2a + k2b * msquared + k2c * mfour,
                k3a + k3b * msquared + k3c * mfour + k3d * msix};
            for (int r = 0; r < 4; r++) {
                kk[r] = kk[r] * qpower + coeffs[r];
            }
        }
        double[] div = {z, 6 * zfour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int r = 0; r < 4; r++) {
            kk[r] = kk[r] * q * SQRT2PI / div[r];
        }
        q = Math.exp(-PI_SQUARED / 2 / zsquared);
        double k2extra = 0;
        double k3extra = 0;
        double sqrt3z = SQRT3 * z;
        for (int k = maxk; k > 0; k--) {
            double ksq = (double) k * k;
            double qp = Math.pow(q, ksq);
            double kspi = Math.PI * k;
            k2extra += ksq * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }
        k2extra *= PI_SQUARED * SQRT2PI / (-36 * zthree);
        kk[2] += k2extra;
        k3extra *= PI_SQUARED * SQRT2PI / (216 * zsix);
        kk[3] += k3extra;
        double sum = 0;
        for (int r = 0; r < 4; r++) {
            sum += kk[r] / Math.pow(n * 1.0, r / 2.0);
        }
        return sum;
    }
}
