using MovieRec.Evaluation;

namespace MovieRec.Cli;

/// <summary>The nDCG@N curves of docs/quality.md as a PNG.</summary>
internal static class NdcgPlot
{
    public static void Write(string path, string title, IEnumerable<TopNResult> results)
    {
        var plot = new ScottPlot.Plot();
        foreach (var result in results)
        {
            var n = Enumerable.Range(1, result.NdcgAt.Count).Select(i => (double)i).ToArray();
            var line = plot.Add.Scatter(n, result.NdcgAt.ToArray());
            line.LegendText = result.Name.Length > 60 ? result.Name[..60] + "…" : result.Name;
        }

        plot.Title(title);
        plot.XLabel("N (length of the list)");
        plot.YLabel("nDCG@N");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, results.Max(r => r.NdcgAt.Max()) * 1.35);
        plot.SavePng(path, 900, 560);
    }
}
