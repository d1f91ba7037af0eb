using System.Collections;
using System.Text.Json;
using OrderActors.Runtime.Storage;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>
/// Carries an exception across silos as type name, message and its Data entries. The caller gets the
/// same exception type back when it is known locally and has a (string message) constructor, so domain
/// errors keep their meaning; otherwise a <see cref="RemoteGrainException"/>.
/// </summary>
internal static class ExceptionCodec
{
    public static byte[] Encode(Exception exception)
    {
        var data = new Dictionary<string, string?>();
        foreach (DictionaryEntry entry in exception.Data)
        {
            data[entry.Key.ToString()!] = entry.Value?.ToString();
        }
        var payload = new ExceptionPayload(exception.GetType().AssemblyQualifiedName ?? exception.GetType().FullName!, exception.Message, data)
        {
            StoredEtag = (exception as InconsistentStateException)?.StoredEtag,
            CurrentEtag = (exception as InconsistentStateException)?.CurrentEtag,
        };
        return JsonSerializer.SerializeToUtf8Bytes(payload, RuntimeJson.Options);
    }

    public static Exception Decode(ReadOnlySpan<byte> json)
    {
        ExceptionPayload payload = JsonSerializer.Deserialize<ExceptionPayload>(json, RuntimeJson.Options)!;
        Exception exception = Rebuild(payload);
        foreach ((string key, string? value) in payload.Data)
        {
            exception.Data[key] = value;
        }
        return exception;
    }

    private static Exception Rebuild(ExceptionPayload payload)
    {
        Type? type = Type.GetType(payload.Type, throwOnError: false);
        if (type == typeof(InconsistentStateException))
        {
            return new InconsistentStateException(payload.Message, payload.StoredEtag, payload.CurrentEtag);
        }
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && type.GetConstructor([typeof(string)]) is not null)
        {
            return (Exception)Activator.CreateInstance(type, payload.Message)!;
        }
        return new RemoteGrainException(payload.Type, payload.Message);
    }

    private sealed record ExceptionPayload(string Type, string Message, Dictionary<string, string?> Data)
    {
        public string? StoredEtag { get; init; }

        public string? CurrentEtag { get; init; }
    }
}
