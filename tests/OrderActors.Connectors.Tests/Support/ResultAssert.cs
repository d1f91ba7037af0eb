using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Tests.Support;

/// <summary>Assertions on connector results that print the errors when they fail.</summary>
public static class ResultAssert
{
    public static T Succeeds<T>(ConnectorResult<T> result)
        where T : class
    {
        Assert.True(result.IsSuccess, Describe(result));
        return result.Value;
    }

    /// <summary>The result failed with an error on <paramref name="path"/> whose message contains <paramref name="fragment"/>.</summary>
    public static void FailsOn<T>(ConnectorResult<T> result, string path, string fragment = "")
        where T : class
    {
        Assert.False(result.IsSuccess, "expected the payload to be refused");
        Assert.True(result.Errors.TryGetValue(path, out string[]? messages), $"no error on '{path}': {Describe(result)}");
        Assert.Contains(messages!, message => message.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>
    /// The order was accepted, with a finding of <paramref name="code"/> on <paramref name="path"/> whose message
    /// contains <paramref name="fragment"/>: intake will hold it, not refuse it.
    /// </summary>
    public static NormalizedOrder HeldOn(ConnectorResult<NormalizedOrder> result, string code, string path, string fragment = "")
    {
        NormalizedOrder order = Succeeds(result);
        Assert.True(order.Findings.Any(f => f.Code == code && f.Field == path && f.Message.Contains(fragment, StringComparison.Ordinal)),
            $"no {code} finding on '{path}' containing '{fragment}': {string.Join("; ", order.Findings)}");
        return order;
    }

    private static string Describe<T>(ConnectorResult<T> result)
        where T : class =>
        string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
