using System.Numerics;
using System.Runtime.InteropServices;

namespace MovieRec.Evaluation;

/// <summary>
/// The inverse of a symmetric positive-definite matrix by Cholesky: A = L·Lᵀ, then A⁻¹ = L⁻ᵀ·L⁻¹.
/// Row-major doubles; every inner loop runs along contiguous rows so it vectorises. About n³/2
/// multiply-adds: a 2,000-film Gram matrix takes seconds.
/// </summary>
internal static class SymmetricInverse
{
    /// <summary>Replaces <paramref name="a"/> (n×n, row-major, symmetric positive-definite) with its inverse.</summary>
    public static void Invert(double[] a, int n)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length != n * n)
        {
            throw new ArgumentException("The matrix is not n×n.", nameof(a));
        }

        // 1. L in the lower triangle: L[i,j] = (A[i,j] − L[i,..j]·L[j,..j]) / L[j,j].
        for (var i = 0; i < n; i++)
        {
            var rowI = a.AsSpan(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                var s = rowI[j] - Dot(rowI[..j], a.AsSpan(j * n, j));
                if (i == j)
                {
                    if (s <= 0)
                    {
                        throw new ArgumentException("The matrix is not positive-definite.", nameof(a));
                    }

                    rowI[i] = Math.Sqrt(s);
                }
                else
                {
                    rowI[j] = s / a[(j * n) + j];
                }
            }
        }

        // 2. X = L⁻¹, row by row: X[i,..] = (e_i − Σ_{k<i} L[i,k]·X[k,..]) / L[i,i].
        var x = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var rowX = x.AsSpan(i * n, i + 1);
            for (var k = 0; k < i; k++)
            {
                Axpy(-a[(i * n) + k], x.AsSpan(k * n, k + 1), rowX);
            }

            rowX[i] += 1;
            var scale = 1 / a[(i * n) + i];
            for (var j = 0; j <= i; j++)
            {
                rowX[j] *= scale;
            }
        }

        // 3. M = Xᵀ (upper), so A⁻¹[i,j] = M[i,k..]·M[j,k..] over k ≥ max(i, j): contiguous rows again.
        Array.Clear(a);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                a[(j * n) + i] = x[(i * n) + j];
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                x[(i * n) + j] = Dot(a.AsSpan((i * n) + i, n - i), a.AsSpan((j * n) + i, n - i));
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                a[(i * n) + j] = a[(j * n) + i] = x[(i * n) + j];
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        var width = Vector<double>.Count;
        var sums = Vector<double>.Zero;
        var i = 0;
        var l = MemoryMarshal.Cast<double, Vector<double>>(left);
        var r = MemoryMarshal.Cast<double, Vector<double>>(right);
        for (var v = 0; v < Math.Min(l.Length, r.Length); v++)
        {
            sums += l[v] * r[v];
        }

        i = Math.Min(l.Length, r.Length) * width;
        var sum = Vector.Sum(sums);
        for (; i < left.Length; i++)
        {
            sum += left[i] * right[i];
        }

        return sum;
    }

    /// <summary>y += alpha·x over x's length.</summary>
    private static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var width = Vector<double>.Count;
        var scale = new Vector<double>(alpha);
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        for (var v = 0; v < xs.Length; v++)
        {
            ys[v] += scale * xs[v];
        }

        for (var i = xs.Length * width; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
