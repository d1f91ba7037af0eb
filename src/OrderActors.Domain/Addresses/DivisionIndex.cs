namespace OrderActors.Domain.Addresses;

/// <summary>Finds a division among siblings by any of its spellings; a spelling two siblings share is dropped.</summary>
internal sealed class DivisionIndex
{
    private readonly Dictionary<string, DivisionNode> _byAlias = new(StringComparer.Ordinal);
    private readonly List<(string Alias, DivisionNode Node)> _longestFirst;

    public DivisionIndex(IEnumerable<DivisionNode> nodes)
    {
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (DivisionNode node in nodes)
        {
            foreach (string alias in DivisionNames.Aliases(node.Name))
            {
                if (_byAlias.TryGetValue(alias, out DivisionNode? other) && other != node)
                {
                    ambiguous.Add(alias);
                }
                _byAlias[alias] = node;
            }
        }
        foreach (string alias in ambiguous)
        {
            _byAlias.Remove(alias);
        }
        _longestFirst = _byAlias.Select(pair => (pair.Key, pair.Value)).OrderByDescending(pair => pair.Key.Length).ToList();
    }

    public DivisionNode? Find(string name) => _byAlias.GetValueOrDefault(name);

    /// <summary>The division whose longest spelling starts <paramref name="text"/>, and how many characters it took.</summary>
    public (DivisionNode Node, int Length)? MatchPrefix(string text)
    {
        foreach ((string alias, DivisionNode node) in _longestFirst)
        {
            if (text.StartsWith(alias, StringComparison.Ordinal))
            {
                return (node, alias.Length);
            }
        }
        return null;
    }
}
