using System.Globalization;
using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic;

/// <summary>
/// Invents buyers: a Chinese name, a mainland mobile number on a real operator prefix, a street address in the
/// chosen district, and the buyer id in the platform's own style (Taobao open uid, JD pin, Douyin open id …).
/// </summary>
public static class BuyerFactory
{
    private static readonly string[] _surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马"];

    private static readonly string[] _givenNameCharacters =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "小", "晓", "子", "欣", "怡", "浩"];

    /// <summary>Prefixes of China Mobile, Unicom, Telecom and Broadnet numbers (13x–19x).</summary>
    private static readonly string[] _mobilePrefixes =
        ["134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "178", "182", "183", "187", "188", "198",
         "130", "131", "132", "155", "156", "166", "175", "176", "185", "186", "133", "153", "173", "177", "180", "181", "189", "191", "199", "192"];

    private static readonly string[] _streets =
        ["文三路", "解放路", "人民路", "中山路", "建设路", "长江路", "学院路", "和平路", "新华路", "南京路", "延安路", "滨江大道", "科技园路", "东风路", "青年路"];

    private static readonly string[] _estates = ["阳光花园", "锦绣苑", "翠湖小区", "金色家园", "世纪城", "绿城桂花园", "万科城", "香樟苑"];

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static PlanReceiver Create(Random random, Channel channel, MainlandPlace place) =>
        new(BuyerId(random, channel), Name(random), MobileNumber(random), place, StreetDetail(random));

    public static string Name(Random random)
    {
        string surname = _surnames[random.Next(_surnames.Length)];
        int length = random.Next(1, 3);
        return surname + string.Concat(Enumerable.Range(0, length).Select(_ => _givenNameCharacters[random.Next(_givenNameCharacters.Length)]));
    }

    /// <summary>An 11-digit number 1[3-9]xxxxxxxxx.</summary>
    public static string MobileNumber(Random random) =>
        _mobilePrefixes[random.Next(_mobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static string StreetDetail(Random random)
    {
        string street = $"{_streets[random.Next(_streets.Length)]}{random.Next(1, 999)}号";
        return random.Next(3) == 0
            ? street
            : $"{street}{_estates[random.Next(_estates.Length)]}{random.Next(1, 30)}栋{random.Next(1, 6)}单元{random.Next(1, 33)}0{random.Next(1, 5)}室";
    }

    private static string BuyerId(Random random, Channel channel) => channel switch
    {
        Channel.Taobao => "AAG" + Token(random, 21),
        Channel.Jd => "jd_" + Convert.ToHexStringLower(RandomBytes(random, 7))[..13],
        Channel.Douyin => "1@#" + Convert.ToBase64String(RandomBytes(random, 30)),
        Channel.Meituan => random.NextInt64(100_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
        Channel.Miniapp => "oA" + Token(random, 26),
        _ => "",
    };

    private static string Token(Random random, int length) =>
        string.Create(length, random, static (span, rng) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = Alphanumerics[rng.Next(Alphanumerics.Length)];
            }
        });

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
