using Spectre.Console;

namespace MovieRec.Cli;

/// <summary>The evaluation commands' tables: markdown for docs/quality.md, or a console table.</summary>
internal static class ResultTable
{
    /// <summary>A table; the first <paramref name="textColumns"/> columns are left-aligned in markdown, the numbers after them right-aligned.</summary>
    public static void Print(bool markdown, string title, string[] columns, IEnumerable<string[]> rows, int textColumns = 1)
    {
        if (markdown)
        {
            Console.WriteLine($"**{title}**");
            Console.WriteLine();
            Console.WriteLine($"| {string.Join(" | ", columns)} |");
            Console.WriteLine($"|{string.Join("|", columns.Select((_, i) => i < textColumns ? " --- " : " ---: "))}|");
            foreach (var row in rows)
            {
                Console.WriteLine($"| {string.Join(" | ", row)} |");
            }

            Console.WriteLine();
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumns(columns);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
    }
}
