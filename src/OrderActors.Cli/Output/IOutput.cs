namespace OrderActors.Cli.Output;

/// <summary>Where human-readable results go: Spectre tables on a terminal, aligned plain text when redirected.</summary>
public interface IOutput
{
    /// <summary>A section title.</summary>
    void Heading(string text);

    void Line(string text, Tone tone = Tone.Normal);

    /// <summary>Label/value pairs, labels aligned.</summary>
    void Fields(IReadOnlyList<Field> fields);

    void Table(TableView table);
}

/// <summary>What a piece of text means, for colour on a terminal; plain text ignores it.</summary>
public enum Tone
{
    Normal,
    Good,
    Warning,
    Bad,
    Muted,
}

/// <summary>One table cell or field value.</summary>
public readonly record struct Cell(string Text, Tone Tone = Tone.Normal)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>A labelled value.</summary>
public sealed record Field(string Label, Cell Value);

/// <summary>A table to render: column headers and rows of cells.</summary>
public sealed record TableView(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows);
