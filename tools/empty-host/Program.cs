// Answers the cold-start bench's POST /recommend with 200 and nothing else: the least an ASP.NET Core app can do.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapPost("/recommend", () => Results.Ok());
app.Run();
