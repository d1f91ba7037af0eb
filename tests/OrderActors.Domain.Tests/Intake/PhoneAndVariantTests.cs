using OrderActors.Domain.Intake;

namespace OrderActors.Domain.Tests.Intake;

public sealed class PhoneAndVariantTests
{
    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 198-1234-5678", true)]
    [InlineData("8613812345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    public void MainlandMobilesAreElevenDigitsStartingOneThreeToNine(string phone, bool valid) =>
        Assert.Equal(valid, PhoneNumbers.IsMainlandMobile(phone));

    [Theory]
    [InlineData("138****5678", true)]
    [InlineData("1********78", true)]
    [InlineData("17012345678_4321", true)]
    [InlineData("$pwEiLJy3WfSb0V2c4Y8l$", true)]
    [InlineData("#a1b2c3d4e5f6#", true)]
    [InlineData("13812345678", false)]
    [InlineData("$12$", false)]
    public void MaskedVirtualAndEncryptedNumbersAreRecognised(string phone, bool masked) =>
        Assert.Equal(masked, PhoneNumbers.LooksMasked(phone));

    [Theory]
    [InlineData("颜色分类:胡桃色;尺寸:40cm", "胡桃色;40cm")]
    [InlineData("胡桃色,40cm", "胡桃色;40cm")]
    [InlineData("颜色：胡桃色；尺寸：40cm", "胡桃色;40cm")]
    [InlineData(" ", null)]
    public void VariantTextKeepsTheValuesInOrder(string text, string? canonical) =>
        Assert.Equal(canonical, VariantText.Canonical(text));

    [Fact]
    public void VariantsWithTheSameValuesInAnotherOrderDiffer() =>
        Assert.False(VariantText.SameVariant("胡桃色;40cm", "40cm;胡桃色"));
}
