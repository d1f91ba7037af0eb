namespace OrderActors.Runtime;

/// <summary>Names a grain class's type in grain ids and storage rows. Without it the class name is used, minus a "Grain" suffix, lower-cased.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
