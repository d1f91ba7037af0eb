namespace OrderActors.ReturnReasons;

/// <summary>The shipped, hand-written labelled reasons, split into the rows to learn from and the rows held out.</summary>
public sealed record ReasonDataSet(IReadOnlyList<LabelledReason> Train, IReadOnlyList<LabelledReason> Test)
{
    internal const string ResourceName = "OrderActors.ReturnReasons.Data.return-reasons.tsv";

    private static readonly Lazy<ReasonDataSet> s_embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The embedded data set (Data/return-reasons.tsv), read once.</summary>
    public static ReasonDataSet Load() => s_embedded.Value;

    /// <summary>
    /// Reads the TSV format: <c>#</c> lines are comments, the first other line is the header
    /// <c>text, reasonCode, split</c>, and every row has a known code and the split <c>train</c> or <c>test</c>.
    /// </summary>
    public static ReasonDataSet Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var train = new List<LabelledReason>();
        var test = new List<LabelledReason>();
        bool headerSeen = false;
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            string[] columns = line.Split('\t');
            if (!headerSeen)
            {
                if (columns is not ["text", "reasonCode", "split"])
                {
                    throw new FormatException($"Line {lineNumber}: expected the header text, reasonCode, split.");
                }
                headerSeen = true;
                continue;
            }
            if (columns.Length != 3 || string.IsNullOrWhiteSpace(columns[0]))
            {
                throw new FormatException($"Line {lineNumber}: expected a text, a reason code and a split.");
            }
            if (!ReasonCodes.IsKnown(columns[1]))
            {
                throw new FormatException($"Line {lineNumber}: \"{columns[1]}\" is not a reason code of the pool.");
            }
            var row = new LabelledReason(columns[0], columns[1]);
            switch (columns[2])
            {
                case "train":
                    train.Add(row);
                    break;
                case "test":
                    test.Add(row);
                    break;
                default:
                    throw new FormatException($"Line {lineNumber}: the split must be train or test, not \"{columns[2]}\".");
            }
        }
        return new ReasonDataSet(train, test);
    }

    private static ReasonDataSet LoadEmbedded()
    {
        using Stream stream = typeof(ReasonDataSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
