using OrderActors.Silo.Hosting;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddSiloConfiguration();
builder.AddSiloLogging();
builder.AddOrderHubSilo();

WebApplication app = builder.Build();
app.MapHealthEndpoints();
app.Run();

/// <summary>Entry point, visible to the facade tests' WebApplicationFactory.</summary>
public partial class Program;
