using System.Text.Json.Serialization;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>A grain whose state has what the hub's states have: enums, nulls, polymorphic records.</summary>
public interface IShapeGrain : IGrainWithStringKey
{
    /// <summary>The state, described in one line.</summary>
    Task<string> DescribeAsync();

    /// <summary>Renames the state and writes it.</summary>
    Task RenameAsync(string name);

    /// <summary>The state's current ETag.</summary>
    Task<string?> GetETagAsync();
}

public enum Colour
{
    Red,
    Green,
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Square), "square")]
public abstract record Shape;

public sealed record Circle(int R) : Shape;

public sealed record Square(int Side) : Shape;

public sealed record ShapeState
{
    public string Name { get; init; } = "";

    public Colour Colour { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<Shape> Shapes { get; init; } = [];

    public string Describe() =>
        $"{Name} {Colour} note={Note ?? "none"} [{string.Join(", ", Shapes.Select(s => s switch { Circle c => $"circle r={c.R}", Square q => $"square side={q.Side}", _ => "?" }))}]";
}

[GrainType("shape")]
public sealed class ShapeGrain([PersistentState("shape")] IPersistentState<ShapeState> state) : Grain, IShapeGrain
{
    public Task<string> DescribeAsync() => Task.FromResult(state.State.Describe());

    public async Task RenameAsync(string name)
    {
        state.State = state.State with { Name = name };
        await state.WriteStateAsync();
    }

    public Task<string?> GetETagAsync() => Task.FromResult(state.Etag);
}
