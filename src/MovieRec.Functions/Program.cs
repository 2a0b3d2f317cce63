using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using MovieRec.Api;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMovieRecApi(builder.Configuration);
var app = builder.Build();
if (SettingsCheck.Failure(app.Services) is { } failure)
{
    Console.Error.WriteLine(failure);
    return 1;
}

app.Run();
return 0;
