using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Addresses;

/// <summary>One row of the division list, linked to its parent and children.</summary>
internal sealed class DivisionNode(string code, string name, GeoPoint centroid, CentroidPrecision precision)
{
    private readonly List<DivisionNode> _children = [];

    public string Code { get; } = code;
    public string Name { get; } = name;
    public GeoPoint Centroid { get; } = centroid;
    public CentroidPrecision Precision { get; } = precision;
    public DivisionNode? Parent { get; private set; }
    public IReadOnlyList<DivisionNode> Children => _children;

    /// <summary>Placeholder rows of the stats list ("市辖区", "省直辖县级行政区划") that no buyer types as a city.</summary>
    public bool IsPlaceholder => DivisionNames.IsPlaceholderCity(Name);

    public void Add(DivisionNode child)
    {
        child.Parent = this;
        _children.Add(child);
    }
}
