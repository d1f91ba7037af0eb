using System.Globalization;
using System.Net;
using System.Text;

namespace OrderActors.LoadTest.Reporting;

/// <summary>A named line on a chart: points (x, y), y null where nothing was measured.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double? Y)> Points);

/// <summary>A shaded span of the x axis with a label: a phase of the run.</summary>
public sealed record ChartBand(string Label, double From, double To);

/// <summary>A moment marked with a dashed vertical line and a label: a fault injected into the run.</summary>
public sealed record ChartMarker(string Label, double At);

/// <summary>Draws a line chart as inline SVG: no script, no external file, readable offline.</summary>
public static class SvgChart
{
    private const int Width = 860;
    private const int Height = 280;
    private const int Left = 64;
    private const int Right = 150;
    private const int Top = 30;
    private const int Bottom = 40;
    private static readonly string[] _bandFills = ["#eef3fb", "#fdeeee", "#eefaf0", "#f6f0fb"];

    /// <param name="xEnd">Where the x axis ends, so that charts drawn one under the other line up.</param>
    public static string Draw(string title, string yLabel, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartBand> bands, IReadOnlyList<ChartMarker> markers, double xEnd)
    {
        double xMax = Math.Max(1, xEnd);
        double yMax = NiceCeiling(series.SelectMany(s => s.Points).Select(p => p.Y ?? 0).DefaultIfEmpty(0).Max());
        double plotWidth = Width - Left - Right;
        double plotHeight = Height - Top - Bottom;
        double X(double x) => Left + x / xMax * plotWidth;
        double Y(double y) => Top + plotHeight - y / yMax * plotHeight;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Encode(title)}</text>");
        for (int i = 0; i < bands.Count; i++)
        {
            ChartBand band = bands[i];
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(X(band.From))}\" y=\"{Top}\" width=\"{F(X(band.To) - X(band.From))}\" height=\"{F(plotHeight)}\" fill=\"{_bandFills[i % _bandFills.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(X(band.From) + 4)}\" y=\"{Top + 14 + i % 2 * 13}\" font-size=\"11\" fill=\"#555\">{Encode(band.Label)}</text>");
        }
        foreach (ChartMarker marker in markers)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(X(marker.At))}\" x2=\"{F(X(marker.At))}\" y1=\"{Top}\" y2=\"{F(Top + plotHeight)}\" stroke=\"#6e7781\" stroke-dasharray=\"4 3\"/><text x=\"{F(X(marker.At) + 4)}\" y=\"{F(Top + plotHeight - 6)}\" font-size=\"11\" fill=\"#444\">{Encode(marker.Label)}</text>");
        }
        for (int tick = 0; tick <= 4; tick++)
        {
            double value = yMax * tick / 4;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{F(Left + plotWidth)}\" y1=\"{F(Y(value))}\" y2=\"{F(Y(value))}\" stroke=\"#ddd\"/><text x=\"{Left - 6}\" y=\"{F(Y(value) + 4)}\" font-size=\"11\" text-anchor=\"end\">{F(value)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"14\" y=\"{F(Top + plotHeight / 2)}\" font-size=\"11\" transform=\"rotate(-90 14 {F(Top + plotHeight / 2)})\" text-anchor=\"middle\">{Encode(yLabel)}</text>");
        double xStep = NiceCeiling(xMax / 6);
        for (double tick = 0; tick <= xMax; tick += xStep)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(X(tick))}\" x2=\"{F(X(tick))}\" y1=\"{F(Top + plotHeight)}\" y2=\"{F(Top + plotHeight + 4)}\" stroke=\"#888\"/><text x=\"{F(X(tick))}\" y=\"{F(Top + plotHeight + 16)}\" font-size=\"11\" text-anchor=\"middle\">{F(tick)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{F(Left + plotWidth / 2)}\" y=\"{Height - 4}\" font-size=\"11\" text-anchor=\"middle\">seconds since the start of the traffic</text>");
        for (int i = 0; i < series.Count; i++)
        {
            ChartSeries line = series[i];
            foreach (string path in Segments(line.Points, X, Y))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{line.Color}\" stroke-width=\"1.8\" points=\"{path}\"/>");
            }
            double legendY = Top + 10 + i * 18;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(Left + plotWidth + 12)}\" x2=\"{F(Left + plotWidth + 32)}\" y1=\"{F(legendY)}\" y2=\"{F(legendY)}\" stroke=\"{line.Color}\" stroke-width=\"3\"/><text x=\"{F(Left + plotWidth + 36)}\" y=\"{F(legendY + 4)}\" font-size=\"11\">{Encode(line.Name)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Runs of consecutive measured points, so a gap in the data is a gap in the line.</summary>
    private static IEnumerable<string> Segments(IReadOnlyList<(double X, double? Y)> points, Func<double, double> x, Func<double, double> y)
    {
        var current = new List<string>();
        foreach ((double px, double? py) in points)
        {
            if (py is { } value)
            {
                current.Add($"{F(x(px))},{F(y(value))}");
                continue;
            }
            if (current.Count > 0)
            {
                yield return string.Join(' ', current);
                current.Clear();
            }
        }
        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }

    /// <summary>Rounds a maximum up to 1, 2 or 5 times a power of ten, so the axis ticks read well.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        double scaled = value / power;
        double nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
        return nice * power;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
