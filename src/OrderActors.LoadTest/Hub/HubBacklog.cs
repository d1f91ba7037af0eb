using System.Text.Json.Nodes;

namespace OrderActors.LoadTest.Hub;

/// <summary>
/// The hub's work still to do for this tenant: orders accepted but not yet past stock reservation and allocation
/// (status Paid or Reserved), counted from the order list's totals.
/// </summary>
public sealed class HubBacklog(HubClient client)
{
    private static readonly string[] _unsettled = ["Paid", "Reserved"];

    /// <summary>Orders in Paid or Reserved now; null when the hub could not say.</summary>
    public async Task<long?> CountAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (string status in _unsettled)
        {
            try
            {
                HubResponse response = await client.GetAsync($"/api/v1/orders?status={status}&page=1&pageSize=1", cancellationToken);
                if (!response.IsSuccess || response.Body is not JsonObject page || page["total"] is not JsonValue value)
                {
                    return null;
                }
                total += value.GetValue<long>();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
        return total;
    }
}
