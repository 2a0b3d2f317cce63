namespace MovieRec.Cli;

/// <summary>The curves of docs/quality.md as PNGs: one line per named series over positions 1…N, or over the given x values.</summary>
internal static class LinePlot
{
    /// <param name="xValues">Where each value sits on the x axis, with a tick at each; positions 1…N when not given.</param>
    public static void Write(string path, string title, string xLabel, string yLabel, IEnumerable<(string Name, IReadOnlyList<double> Values)> series, IReadOnlyList<double>? xValues = null)
    {
        var plot = new ScottPlot.Plot();
        var highest = 0.0;
        foreach (var (name, values) in series)
        {
            var x = xValues?.ToArray() ?? Enumerable.Range(1, values.Count).Select(i => (double)i).ToArray();
            var line = plot.Add.Scatter(x, values.ToArray());
            line.LegendText = name.Length > 60 ? name[..60] + "…" : name;
            highest = Math.Max(highest, values.Max());
        }

        if (xValues is not null)
        {
            // Ticks at the given x values only (group sizes 2, 3, 5, 8, not 2.5 …).
            plot.Axes.Bottom.SetTicks([.. xValues], [.. xValues.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, highest * 1.35);
        plot.SavePng(path, 900, 560);
    }
}
