using System.Buffers;
using System.Text.Json;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Invocation;
using OrderActors.Runtime.Storage;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>
/// Requests and results as JSON, each argument serialized as its declared parameter type:
/// <c>{"t":grainType,"k":key,"m":methodKey,"ttl":ms,"h":hops,"a":[args…]}</c>.
/// </summary>
internal static class MessageCodec
{
    public static OutgoingFrame EncodeRequest(FrameKind kind, long correlationId, InvokeRequest request, int ttlMilliseconds)
    {
        var frame = new FrameWriter();
        using (var writer = new Utf8JsonWriter(frame))
        {
            writer.WriteStartObject();
            writer.WriteString("t", request.Target.Type);
            writer.WriteString("k", request.Target.Key);
            writer.WriteString("m", request.Method.Key);
            writer.WriteNumber("ttl", ttlMilliseconds);
            writer.WriteNumber("h", request.ForwardCount + 1);
            writer.WriteStartArray("a");
            for (int i = 0; i < request.Args.Length; i++)
            {
                JsonSerializer.Serialize(writer, request.Args[i], request.Method.ParameterTypes[i], RuntimeJson.Options);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return frame.Complete(kind, correlationId);
    }

    public static DecodedRequest DecodeRequest(ReadOnlySequence<byte> payload, Func<string, GrainMethod> resolveMethod)
    {
        var reader = new Utf8JsonReader(payload);
        Expect(ref reader, JsonTokenType.StartObject);
        string type = ReadString(ref reader, "t");
        string key = ReadString(ref reader, "k");
        GrainMethod method = resolveMethod(ReadString(ref reader, "m"));
        int ttl = ReadInt(ref reader, "ttl");
        int hops = ReadInt(ref reader, "h");
        ExpectProperty(ref reader, "a");
        Expect(ref reader, JsonTokenType.StartArray);
        var args = new object?[method.ParameterTypes.Length];
        for (int i = 0; i < args.Length; i++)
        {
            reader.Read();
            args[i] = JsonSerializer.Deserialize(ref reader, method.ParameterTypes[i], RuntimeJson.Options);
        }
        Expect(ref reader, JsonTokenType.EndArray);
        return new DecodedRequest(new GrainId(type, key), method, args, ttl, hops);
    }

    public static OutgoingFrame EncodeResult(long correlationId, GrainMethod method, object? result)
    {
        var frame = new FrameWriter();
        if (method.ResultType != typeof(void))
        {
            using var writer = new Utf8JsonWriter(frame);
            JsonSerializer.Serialize(writer, result, method.ResultType, RuntimeJson.Options);
        }
        return frame.Complete(FrameKind.Response, correlationId);
    }

    public static object? DecodeResult(Type resultType, ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }
        var reader = new Utf8JsonReader(payload);
        return JsonSerializer.Deserialize(ref reader, resultType, RuntimeJson.Options);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new InvalidDataException($"Malformed request: expected {token}, found {reader.TokenType}.");
        }
    }

    private static void ExpectProperty(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.PropertyName);
        if (!reader.ValueTextEquals(name))
        {
            throw new InvalidDataException($"Malformed request: expected property '{name}', found '{reader.GetString()}'.");
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, string name)
    {
        ExpectProperty(ref reader, name);
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    private static int ReadInt(ref Utf8JsonReader reader, string name)
    {
        ExpectProperty(ref reader, name);
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt32();
    }
}

/// <summary>A request read off the wire.</summary>
internal sealed record DecodedRequest(GrainId Target, GrainMethod Method, object?[] Args, int TtlMilliseconds, int Hops);
