using System.Text.Json.Nodes;
using MovieRec.Api;
using MovieRec.Storage;

namespace MovieRec.Infra.Tests;

/// <summary>What the compiled Bicep must deploy; a regression in infra/ fails here.</summary>
public sealed class TemplateTests
{
    private static readonly ArmTemplate Template = ArmTemplate.Main;

    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    private static JsonObject App => Template.Single("Microsoft.Web/sites").Resource;

    private static JsonObject AppSettings => Template.Single("Microsoft.Web/sites/config").Resource["properties"]!.AsObject();

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_a_linux_flex_consumption_plan()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms").Resource;
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        Assert.Equal("functionapp,linux", (string?)App["kind"]);
        var runtime = App["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Contains("Microsoft.Web/serverfarms", (string?)App["properties"]!["serverFarmId"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("linuxFxVersion")]
    [InlineData("AccountKey")]
    [InlineData("listKeys")]
    public void Nothing_flex_refuses_and_no_storage_key_appears_anywhere(string forbidden) =>
        Assert.DoesNotContain(forbidden, Template.Text, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void The_app_is_https_only_with_tls_1_2_and_no_ftp()
    {
        Assert.True((bool)App["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)App["properties"]!["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)App["properties"]!["siteConfig"]!["ftpsState"]);
    }

    [Fact]
    public void The_deployment_package_comes_from_a_blob_container_read_with_the_user_assigned_identity()
    {
        var storage = App["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Contains("primaryEndpoints.blob", (string?)storage["value"], StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal("UserAssigned", (string?)App["identity"]!["type"]);
    }

    [Fact]
    public void The_community_snapshots_live_in_a_private_container_of_the_name_the_app_uses()
    {
        // The package's, the snapshots', and the Functions host's two (one declaration, copied).
        var containers = Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal(3, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", (string?)c.Resource["properties"]!["publicAccess"]));
        var main = Template.Root;
        Assert.Equal(new StorageOptions().SnapshotsContainer, (string?)main["variables"]!["snapshotsContainerName"]);
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], main["variables"]!["hostContainerNames"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Storage_refuses_shared_keys_public_blobs_plain_http_and_old_tls()
    {
        var properties = Template.Single("Microsoft.Storage/storageAccounts").Resource["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public void The_tables_are_the_ones_the_rating_store_and_update_ledger_use()
    {
        var (tables, template) = Template.Single("Microsoft.Storage/storageAccounts/tableServices/tables");
        var names = template["variables"]!["tableNames"]!.AsArray().Select(n => (string?)n).ToList();
        var options = new StorageOptions();

        Assert.Equal([options.UsersTable, options.UpdatesTable, options.ChangesTable], names);
        Assert.Contains("variables('tableNames')", (string?)tables["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void Application_insights_sits_on_log_analytics_and_takes_only_identity_authenticated_telemetry()
    {
        Template.Single("Microsoft.OperationalInsights/workspaces");
        var insights = Template.Single("Microsoft.Insights/components").Resource["properties"]!;

        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["WorkspaceResourceId"], StringComparison.Ordinal);
        Assert.True((bool)insights["DisableLocalAuth"]!);
    }

    [Theory]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts/blobServices/containers", "parameters('hostContainerNames')[copyIndex()]")]
    [InlineData(StorageBlobDataContributor, "Microsoft.Storage/storageAccounts/blobServices/containers", "parameters('deploymentContainerName')")]
    [InlineData(StorageBlobDataContributor, "Microsoft.Storage/storageAccounts/blobServices/containers", "parameters('snapshotsContainerName')")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts", "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]")] // Storage Table Data Contributor
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components", "")] // Monitoring Metrics Publisher
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults", "")] // Key Vault Secrets User
    public void The_identity_holds_each_role_on_its_resource_under_an_idempotent_name(string role, string scopeType, string scopeNames)
    {
        var assignment = Assert.Single(
            Template.OfType("Microsoft.Authorization/roleAssignments"),
            a => Resolve(a.Template, (string)a.Resource["properties"]!["roleDefinitionId"]!).Contains(role, StringComparison.Ordinal)
                && ((string)a.Resource["scope"]!).Contains(scopeNames, StringComparison.Ordinal));
        var properties = assignment.Resource["properties"]!;

        Assert.Equal("ServicePrincipal", (string?)properties["principalType"]);
        Assert.Contains("userAssignedIdentities", (string?)properties["principalId"], StringComparison.Ordinal);
        Assert.Contains(scopeType, (string?)assignment.Resource["scope"], StringComparison.Ordinal);
        // guid(scope, identity, role): the same name on every deployment.
        var name = (string)assignment.Resource["name"]!;
        Assert.StartsWith($"[guid(resourceId('{scopeType}'", name, StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", name, StringComparison.Ordinal);
    }

    [Fact]
    public void There_are_exactly_six_role_assignments_one_of_them_for_each_host_container() =>
        Assert.Equal(6, Template.OfType("Microsoft.Authorization/roleAssignments").Count);

    [Fact]
    public void No_blob_role_is_granted_on_the_whole_storage_account()
    {
        var blobRoles = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => Resolve(a.Template, (string)a.Resource["properties"]!["roleDefinitionId"]!) is var role
                && (role.Contains(StorageBlobDataOwner, StringComparison.Ordinal) || role.Contains(StorageBlobDataContributor, StringComparison.Ordinal)))
            .ToList();

        // The host's two containers' assignments are one declaration, copied.
        Assert.Equal(3, blobRoles.Count);
        Assert.All(blobRoles, a => Assert.StartsWith(
            "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers'", (string?)a.Resource["scope"], StringComparison.Ordinal));
    }

    [Fact]
    public void The_deployment_package_container_is_the_one_the_app_starts_from_and_has_its_own_role()
    {
        var main = Template.Root;
        var storage = Assert.Single(Template.OfType("Microsoft.Resources/deployments"), d => (string?)d.Resource["name"] == "storage").Resource;
        var function = Assert.Single(Template.OfType("Microsoft.Resources/deployments"), d => (string?)d.Resource["name"] == "function").Resource;

        Assert.Equal("app-package", (string?)main["variables"]!["deploymentContainerName"]);
        Assert.Equal("[variables('deploymentContainerName')]", (string?)storage["properties"]!["parameters"]!["deploymentContainerName"]!["value"]);
        Assert.Equal("[variables('deploymentContainerName')]", (string?)function["properties"]!["parameters"]!["deploymentContainerName"]!["value"]);
        Assert.Contains("parameters('deploymentContainerName')", (string?)App["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["value"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void Basic_publishing_credentials_are_off(string channel)
    {
        var policy = Assert.Single(
            Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            p => ((string)p.Resource["name"]!).EndsWith($"'{channel}')]", StringComparison.Ordinal));

        Assert.False((bool)policy.Resource["properties"]!["allow"]!);
    }

    [Fact]
    public void App_settings_reach_storage_and_telemetry_by_identity()
    {
        Assert.Contains("primaryEndpoints.table", (string?)AppSettings["RATINGS_STORAGE"], StringComparison.Ordinal);
        Assert.Equal("managedidentity", (string?)AppSettings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)AppSettings["AZURE_CLIENT_ID"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)AppSettings["AzureWebJobsStorage__clientId"]);
        Assert.Contains("ConnectionString", (string?)AppSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", (string?)AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Null(AppSettings["AzureWebJobsStorage"]);
        Assert.Equal("[parameters('modelRefreshInterval')]", (string?)AppSettings["MODEL_REFRESH_INTERVAL"]);
        // The Mini App at the app's own /app, over HTTPS, for the bot's buttons.
        Assert.Equal("[format('https://{0}/app', reference(resourceId('Microsoft.Web/sites', parameters('name')), '2024-04-01').defaultHostName)]", (string?)AppSettings["MINIAPP_URL"]);
    }

    [Fact]
    public void The_webhook_secret_is_required_always_stored_and_always_set_so_the_webhook_is_never_open()
    {
        var parameter = Template.Root["parameters"]!["telegramWebhookSecret"]!;
        Assert.Equal("securestring", (string?)parameter["type"]);
        Assert.Equal(16, (int)parameter["minLength"]!);
        Assert.Null(parameter["defaultValue"]);
        var secret = Assert.Single(Template.OfType("Microsoft.KeyVault/vaults/secrets"), s => ArmTemplate.Variable(s.Template, VariableIn((string)s.Resource["name"]!)) == "telegram-webhook-secret");
        Assert.Equal("[parameters('telegramWebhookSecret')]", (string?)secret.Resource["properties"]!["value"]);
        Assert.Null(secret.Resource["condition"]);

        Assert.Equal("[parameters('telegramWebhookSecretReference')]", (string?)AppSettings["TELEGRAM_WEBHOOK_SECRET"]);
        var function = Assert.Single(Template.OfType("Microsoft.Resources/deployments"), d => (string?)d.Resource["name"] == "function").Resource;
        var passed = function["properties"]!["parameters"]!["telegramWebhookSecretReference"]!["value"]!.GetValue<string>();
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", passed, StringComparison.Ordinal);
        Assert.DoesNotContain("telegramWebhookSecret'", passed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TELEGRAM_BOT_TOKEN", "telegramBotToken", "telegramBotTokenReference", "telegram-bot-token")]
    public void The_bot_token_goes_from_a_secure_parameter_into_key_vault_and_reaches_the_app_as_a_reference_when_given(
        string setting, string parameter, string reference, string secretName)
    {
        // The secret itself: a secure parameter without a default, handed only to the Key Vault module.
        Assert.Equal("securestring", (string?)Template.Root["parameters"]![parameter]!["type"]);
        Assert.Null(Template.Root["parameters"]![parameter]!["defaultValue"]);
        var secret = Assert.Single(Template.OfType("Microsoft.KeyVault/vaults/secrets"), s => ArmTemplate.Variable(s.Template, VariableIn((string)s.Resource["name"]!)) == secretName);
        Assert.Equal($"[parameters('{parameter}')]", (string?)secret.Resource["properties"]!["value"]);
        Assert.Equal("securestring", (string?)secret.Template["parameters"]![parameter]!["type"]);
        Assert.Contains($"not(empty(parameters('{parameter}')))", (string?)secret.Resource["condition"], StringComparison.Ordinal);

        // The app setting: a Key Vault reference, resolved with the app's user-assigned identity.
        Assert.Equal($"[parameters('{reference}')]", (string?)AppSettings[setting]);
        var function = Assert.Single(Template.OfType("Microsoft.Resources/deployments"), d => (string?)d.Resource["name"] == "function").Resource;
        // The function module gets the reference, never the value: the secret parameter appears only in the emptiness test.
        var passed = function["properties"]!["parameters"]![reference]!.GetValue<string>();
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", passed, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(passed, $@"parameters\('{parameter}'\)"));
        Assert.Contains($"if(empty(parameters('{parameter}'))", passed, StringComparison.Ordinal);
        Assert.Equal("[parameters('identityId')]", (string?)App["properties"]!["keyVaultReferenceIdentity"]);
    }

    [Fact]
    public void The_vault_is_rbac_only_with_purge_protection()
    {
        var properties = Template.Single("Microsoft.KeyVault/vaults").Resource["properties"]!;

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enablePurgeProtection"]!);
        Assert.Null(properties["accessPolicies"]);
    }

    [Fact]
    public void Instances_get_the_512_mb_the_measured_working_set_fits()
    {
        Assert.Equal(512, (int)App["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["instanceMemoryMB"]!);
    }

    [Fact]
    public void The_outputs_give_the_app_url_and_the_webhook_url()
    {
        var outputs = Template.Root["outputs"]!;

        Assert.Contains("outputs.url.value", (string?)outputs["FUNCTION_APP_URL"]!["value"], StringComparison.Ordinal);
        Assert.Contains($"/{ApiRoutes.TelegramWebhook}", (string?)outputs["TELEGRAM_WEBHOOK_URL"]!["value"], StringComparison.Ordinal);
        Assert.NotNull(outputs["SERVICE_API_NAME"]);
        Assert.Contains("https://", Template.Single("Microsoft.Web/sites").Template["outputs"]!["url"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_is_tagged_for_azd_as_the_api_service()
    {
        Assert.Contains("'azd-service-name', 'api'", (string?)App["tags"], StringComparison.Ordinal);
    }

    /// <summary>The variable a "[format('{0}/{1}', parameters('name'), variables('x'))]" name ends with.</summary>
    private static string VariableIn(string expression) =>
        System.Text.RegularExpressions.Regex.Match(expression, @"variables\('(?<name>[^']+)'\)").Groups["name"].Value;

    private static string Resolve(JsonObject template, string expression) =>
        System.Text.RegularExpressions.Regex.Replace(expression, @"variables\('(?<name>[^']+)'\)", m => ArmTemplate.Variable(template, m.Groups["name"].Value) ?? m.Value);
}
