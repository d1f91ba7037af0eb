namespace OrderActors.LoadTest.Traffic;

/// <summary>A product of the simulated merchant before it is split into SKUs by edition and variant.</summary>
public sealed record ProductLine(
    string Code,
    string Title,
    long BasePriceFen,
    bool ColdChain,
    IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Options);

/// <summary>
/// A home-goods merchant like the one in the seed articles (家居用品, 双11 800 → 3,000 orders a day), plus two
/// cut-flower products that must ship cold so Meituan's cold-chain-only rule is exercised.
/// </summary>
public static class ProductLines
{
    /// <summary>Editions multiply every product's variants; the price grows with the edition.</summary>
    public static IReadOnlyList<(string Name, int PricePercent)> Editions { get; } = [("标准版", 100), ("升级版", 130), ("豪华版", 160)];

    public static IReadOnlyList<ProductLine> All { get; } =
    [
        new("NS", "北欧实木床头柜", 15000, false, [("颜色", ["胡桃色", "原木色", "白色"]), ("尺寸", ["40cm", "50cm"])]),
        new("PIL", "泰国天然乳胶枕", 7500, false, [("规格", ["标准款", "加高款", "儿童款"])]),
        new("BED", "纯棉四件套", 29900, false, [("颜色", ["灰色", "米白", "藏青"]), ("尺寸", ["1.5m", "1.8m"])]),
        new("MAT", "记忆棉床垫", 89900, false, [("尺寸", ["1.5m", "1.8m"]), ("厚度", ["10cm", "20cm"])]),
        new("DUV", "冬季羽绒被", 45900, false, [("尺寸", ["150x200", "200x230"])]),
        new("SOF", "懒人沙发", 19900, false, [("颜色", ["灰色", "卡其", "粉色"])]),
        new("BOX", "折叠收纳箱", 3990, false, [("容量", ["30L", "55L", "80L"])]),
        new("LMP", "落地阅读灯", 12900, false, [("颜色", ["黑色", "白色"])]),
        new("RUG", "客厅地毯", 16900, false, [("尺寸", ["1.2x1.6m", "1.6x2.3m"])]),
        new("CUR", "遮光窗帘", 8900, false, [("颜色", ["灰色", "米色", "绿色"]), ("宽度", ["2m", "3m"])]),
        new("DSH", "陶瓷餐具套装", 12800, false, [("件数", ["10件", "18件"])]),
        new("CUP", "不锈钢保温杯", 6900, false, [("颜色", ["白色", "黑色", "蓝色"]), ("容量", ["350ml", "500ml"])]),
        new("CDL", "香薰蜡烛", 4900, false, [("香型", ["白茶", "雪松", "柑橘"])]),
        new("TWL", "纯棉毛巾", 2990, false, [("颜色", ["白色", "灰色", "蓝色"])]),
        new("HNG", "实木衣架", 3590, false, [("数量", ["10只", "20只"])]),
        new("KTL", "电热水壶", 9900, false, [("容量", ["1.5L", "1.7L"])]),
        new("ROS", "鲜切玫瑰花束", 9900, true, [("数量", ["11枝", "19枝"])]),
        new("LIL", "鲜切百合", 6900, true, [("数量", ["5枝", "10枝"])]),
    ];
}
