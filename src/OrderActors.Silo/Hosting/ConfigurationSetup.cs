namespace OrderActors.Silo.Hosting;

/// <summary>Reads the silo-config file named by --config (or OA_SILO_CONFIG) and OA_-prefixed environment overrides.</summary>
public static class ConfigurationSetup
{
    public static WebApplicationBuilder AddSiloConfiguration(this WebApplicationBuilder builder)
    {
        string? file = builder.Configuration["config"] ?? Environment.GetEnvironmentVariable("OA_SILO_CONFIG");
        if (file is not null)
        {
            string path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Silo config file '{path}' does not exist.", path);
            }
            builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables("OA_");
        builder.Configuration.AddCommandLine(Environment.GetCommandLineArgs().Skip(1).ToArray());
        return builder;
    }
}
