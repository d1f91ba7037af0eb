namespace OrderActors.ReturnReasons.Tests.Support;

/// <summary>The model trained on the shipped train split, trained once for every test that reads it.</summary>
public sealed class BaseModel
{
    public BaseModel()
    {
        Data = ReasonDataSet.Load();
        Model = ReasonModel.Train(Data.Train, "v0-test");
    }

    public ReasonDataSet Data { get; }

    public ReasonModel Model { get; }
}

[CollectionDefinition(Name)]
public sealed class BaseModelCollection : ICollectionFixture<BaseModel>
{
    public const string Name = "base model";
}
