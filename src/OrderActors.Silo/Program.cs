using OrderActors.Silo.Hosting;

WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddSiloConfiguration();
builder.AddSiloLogging();
builder.AddOrderHubSilo();
builder.AddOrderHubApi();

WebApplication app = builder.Build();
app.UseOrderHubApi();
app.Run();

/// <summary>Entry point, visible to the facade tests' WebApplicationFactory.</summary>
public partial class Program;
