using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrderActors.Cli.Output;

/// <summary>Output for a person at a terminal: Spectre.Console tables, headings and colour.</summary>
public sealed class TerminalOutput(IAnsiConsole console) : IOutput
{
    /// <summary>A Spectre console writing to <paramref name="writer"/>, with colour and width detected from it.</summary>
    public static TerminalOutput On(TextWriter writer) =>
        new(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No }));

    public void Heading(string text) => console.Write(new Rule(Markup.Escape(text)) { Justification = Justify.Left });

    public void Line(string text, Tone tone = Tone.Normal)
    {
        console.Write(new Text(text, Style(tone)));
        console.WriteLine();
    }

    public void Fields(IReadOnlyList<Field> fields)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn();
        foreach (Field field in fields)
        {
            grid.AddRow(new Text(field.Label, new Style(decoration: Decoration.Bold)), Render(field.Value));
        }
        console.Write(grid);
    }

    public void Table(TableView table)
    {
        var rendered = new Table { Border = TableBorder.Rounded };
        foreach (string header in table.Headers)
        {
            rendered.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }
        foreach (IReadOnlyList<Cell> row in table.Rows)
        {
            rendered.AddRow(row.Select(Render));
        }
        console.Write(rendered);
    }

    private static IRenderable Render(Cell cell) => new Text(cell.Text, Style(cell.Tone));

    private static Style Style(Tone tone) => tone switch
    {
        Tone.Good => new Style(Color.Green),
        Tone.Warning => new Style(Color.Yellow),
        Tone.Bad => new Style(Color.Red),
        Tone.Muted => new Style(Color.Grey),
        _ => Spectre.Console.Style.Plain,
    };
}
