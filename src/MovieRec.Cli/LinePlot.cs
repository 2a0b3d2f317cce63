namespace MovieRec.Cli;

/// <summary>The curves of docs/quality.md as PNGs: one line per named series over positions 1…N, or over the given x values.</summary>
internal static class LinePlot
{
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

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, highest * 1.35);
        plot.SavePng(path, 900, 560);
    }
}
