using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests;

/// <summary>The silo process is an Orleans silo: readiness and the cluster view come from Orleans' membership, and its dashboard is mounted.</summary>
[Collection(SiloCollection.Name)]
public sealed class OrleansHostingTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task ReadinessAndTheClusterViewReportThisSiloAsAnActiveOrleansMember()
    {
        TenantApi api = silo.NewTenant();

        (HttpStatusCode readyStatus, JsonNode? ready) = await api.GetAsync("/readyz");
        (HttpStatusCode clusterStatus, JsonNode? cluster) = await api.GetAsync("/api/v1/cluster");

        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.StartsWith("PostgreSQL reachable", ready!["checks"]!["storage"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("active member", ready["checks"]!["cluster"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, clusterStatus);
        JsonNode member = Assert.Single(cluster!["members"]!.AsArray())!;
        Assert.Equal(("Active", "test-silo"), (member["status"]!.GetValue<string>(), member["name"]!.GetValue<string>()));
        Assert.Equal(cluster["self"]!.GetValue<string>(), member["siloId"]!.GetValue<string>());
        Assert.True(cluster["version"]!.GetValue<long>() > 0);
    }

    [PostgresFact]
    public async Task TheOrleansDashboardIsServedWithItsLiveClusterData()
    {
        TenantApi api = silo.NewTenant();

        HttpResponseMessage page = await api.Client.GetAsync("/orleans-dashboard/");
        HttpResponseMessage script = await api.Client.GetAsync("/orleans-dashboard/index.min.js");
        JsonNode? counters = await EventuallyActiveAsync(api);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(1, counters!["totalActiveHostCount"]!.GetValue<int>());
        Assert.True(counters["totalActivationCount"]!.GetValue<int>() > 0);
    }

    /// <summary>The dashboard's counters, once its collector has seen this silo (it samples once a second).</summary>
    private static async Task<JsonNode?> EventuallyActiveAsync(TenantApi api)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            (HttpStatusCode status, JsonNode? counters) = await api.GetAsync("/orleans-dashboard/DashboardCounters");
            if ((status == HttpStatusCode.OK && counters?["totalActiveHostCount"]?.GetValue<int>() > 0) || DateTime.UtcNow > deadline)
            {
                return counters;
            }
            await Task.Delay(250);
        }
    }

    [PostgresFact]
    public async Task TheOpenApiDocumentListsEveryRouteIncludingHealthAndReadiness_Issue13()
    {
        TenantApi api = silo.NewTenant();

        (HttpStatusCode status, JsonNode? document) = await api.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        JsonObject paths = document!["paths"]!.AsObject();
        foreach (string path in new[] { "/healthz", "/readyz", "/api/v1/cluster", "/api/v1/audit", "/api/v1/orders/{orderId}/release-hold",
            "/api/v1/carriers/{carrier}/tracking", "/api/v1/channels/{channel}/orders", "/api/v1/sku-mappings/{channel}/{platformSkuId}" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document: {string.Join(", ", paths.Select(p => p.Key))}");
        }
    }
}
