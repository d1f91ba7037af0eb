namespace OrderActors.Runtime;

/// <summary>Hands out references to grains. A reference is cheap; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>A typed reference to the grain of interface <typeparamref name="TGrain"/> with the given key.</summary>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}
