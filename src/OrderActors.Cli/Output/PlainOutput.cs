using Spectre.Console;

namespace OrderActors.Cli.Output;

/// <summary>Output for pipes and files: no colour or box drawing, columns aligned by display width, no trailing spaces.</summary>
// Plain so that grep, cut and diff work on it; a Chinese character is two columns wide, hence GetCellWidth.
public sealed class PlainOutput(TextWriter writer) : IOutput
{
    private const string Gap = "  ";
    private bool _written;

    public void Heading(string text)
    {
        if (_written)
        {
            writer.WriteLine();
        }
        Write(text);
    }

    public void Line(string text, Tone tone = Tone.Normal) => Write(text);

    public void Fields(IReadOnlyList<Field> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }
        int width = fields.Max(f => f.Label.GetCellWidth()) + 1;
        foreach (Field field in fields)
        {
            Write($"{Pad(field.Label + ":", width)} {Text(field.Value)}".TrimEnd());
        }
    }

    public void Table(TableView table)
    {
        int[] widths = table.Headers.Select(h => h.GetCellWidth()).ToArray();
        foreach (IReadOnlyList<Cell> row in table.Rows)
        {
            for (int i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Text(row[i]).GetCellWidth());
            }
        }
        Write(Join(table.Headers, widths));
        foreach (IReadOnlyList<Cell> row in table.Rows)
        {
            Write(Join(row.Select(Text).ToList(), widths));
        }
    }

    private static string Join(IReadOnlyList<string> cells, int[] widths) =>
        string.Join(Gap, cells.Select((cell, i) => Pad(cell, widths[i]))).TrimEnd();

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - text.GetCellWidth()));

    /// <summary>An empty cell shows as "-" so that every row has the same number of words.</summary>
    private static string Text(Cell cell) => cell.Text.Length == 0 ? "-" : cell.Text.ReplaceLineEndings(" ");

    private void Write(string line)
    {
        writer.WriteLine(line);
        _written = true;
    }
}
