using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// Rebuilds the community part of the neighbour pool and publishes it as the next snapshot.
/// One builder at a time (the snapshots' lease); one build per interval however many instances
/// try. A build reads only the users whose ratings changed since the previous one, except the
/// first and one a day, which read every user (so a change note lost in an outage is caught).
/// Run by the Functions app's timer and by <see cref="ScheduledCommunityBuilds"/> elsewhere.
/// </summary>
public sealed class CommunityBuilder(
    IRatingStore store,
    IModelSnapshots snapshots,
    LiveModel live,
    IOptions<ModelRefreshOptions> options,
    TimeProvider time,
    ILogger<CommunityBuilder> logger)
{
    /// <summary>A build reads every user again once the last such build is this old.</summary>
    public static readonly TimeSpan FullBuildAfter = TimeSpan.FromHours(24);

    /// <summary>Builds and publishes the next snapshot if one is due and no other builder is at it.</summary>
    public async Task<CommunityBuild> BuildIfDueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return CommunityBuild.Off;
        }

        if (!IsDue(await snapshots.LatestAsync(cancellationToken)))
        {
            return CommunityBuild.NotDue;
        }

        await using var lease = await snapshots.TryLeaseAsync(cancellationToken);
        if (lease is null)
        {
            return CommunityBuild.AnotherBuilder;
        }

        // Read again under the lease: another builder may have published since.
        var latest = await snapshots.LatestAsync(cancellationToken);
        if (!IsDue(latest))
        {
            return CommunityBuild.NotDue;
        }

        using var building = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileBuildingAsync(lease, building.Token);
        try
        {
            return await BuildAsync(latest, cancellationToken);
        }
        finally
        {
            await building.CancelAsync();
            await renewing;
        }
    }

    private bool IsDue(PublishedSnapshot? latest) =>
        latest is null || time.GetUtcNow() - latest.BuiltAt >= options.Value.Interval * 0.9;

    private async Task<CommunityBuild> BuildAsync(PublishedSnapshot? latest, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = time.GetUtcNow();
        var previous = latest is null ? null : await PreviousAsync(latest, cancellationToken);
        var (next, usersRead) = previous is null
            ? await FullAsync(latest, started, cancellationToken)
            : started - previous.FullBuildAt < FullBuildAfter
                ? await IncrementalAsync(previous, started, cancellationToken)
                : await DailyFullAsync(previous, started, cancellationToken);
        if (next is null)
        {
            return CommunityBuild.Unchanged;
        }

        var bytes = CommunitySnapshotEncoding.ToBytes(next);
        if (!await snapshots.TryPublishAsync(next.Version, next.BuiltAt, bytes, cancellationToken))
        {
            return CommunityBuild.AnotherBuilder;
        }

        // This instance need not wait for its own poll.
        live.TryTakeIn(next);
        logger.LogInformation(
            "Community snapshot {Version} published: {AppUsers} app users, {Ratings} ratings, {UsersRead} users read, {Bytes} bytes, {BuildMs} ms",
            next.Version,
            next.Ratings.UserCount,
            next.Ratings.RatingCount,
            usersRead,
            bytes.Length,
            clock.ElapsedMilliseconds);
        return CommunityBuild.Published;
    }

    /// <summary>Every user read: the first build, or one after a damaged snapshot.</summary>
    private async Task<(CommunitySnapshot Next, int UsersRead)> FullAsync(PublishedSnapshot? latest, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var everyone = await store.ReadAllAsync(cancellationToken);
        var community = CommunityRatings.Empty.With(everyone.Select(u => (u.ChatId, u.StarsByMovie)));
        return (new CommunitySnapshot((latest?.Version ?? 0) + 1, time.GetUtcNow(), started - options.Value.ClockMargin, started, community), everyone.Count);
    }

    /// <summary>
    /// The daily backstop. When the full read fails, this round reads the changed users instead
    /// (and the next tries the full read again), so a slow full read never holds back new raters.
    /// </summary>
    private async Task<(CommunitySnapshot? Next, int UsersRead)> DailyFullAsync(CommunitySnapshot previous, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            return await FullAsync(new PublishedSnapshot(previous.Version, previous.BuiltAt), started, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("The daily read of every user failed ({Reason}); this build reads the changed users only", e.Message);
            return await IncrementalAsync(previous, started, cancellationToken);
        }
    }

    /// <summary>Only the users with a change note since the previous build (and its clock margin); null when there are none.</summary>
    private async Task<(CommunitySnapshot? Next, int UsersRead)> IncrementalAsync(CommunitySnapshot previous, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var changed = await store.ChangedSinceAsync(previous.ChangesSince, cancellationToken);
        if (changed.Count == 0)
        {
            return (null, 0);
        }

        var current = (await store.ReadUsersAsync(changed.ToList(), cancellationToken)).ToDictionary(u => u.ChatId, StringComparer.Ordinal);
        // A note without a user behind it (an unknown chat's refused rating) reads as nobody: not in the pool.
        var community = previous.Ratings.With(changed.Select(chatId =>
            (chatId, current.TryGetValue(chatId, out var user) ? user.StarsByMovie : (IReadOnlyDictionary<int, double>)new Dictionary<int, double>())));
        return (new CommunitySnapshot(previous.Version + 1, time.GetUtcNow(), started - options.Value.ClockMargin, previous.FullBuildAt, community), changed.Count);
    }

    /// <summary>
    /// The previous build: the one this instance uses when it is the newest, else downloaded. Null
    /// when it cannot be read (damaged, or pruned meanwhile): the next build then reads everyone,
    /// rather than never building again.
    /// </summary>
    private async Task<CommunitySnapshot?> PreviousAsync(PublishedSnapshot latest, CancellationToken cancellationToken)
    {
        if (live.Current.Community is { } inUse && inUse.Version == latest.Version)
        {
            return inUse;
        }

        if (await snapshots.DownloadAsync(latest.Version, cancellationToken) is not { } bytes)
        {
            logger.LogWarning("Community snapshot {Version} is no longer kept; this build reads every user", latest.Version);
            return null;
        }

        try
        {
            return CommunitySnapshotEncoding.FromBytes(bytes);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Community snapshot {Version} cannot be read ({Reason}); this build reads every user", latest.Version, e.Message);
            return null;
        }
    }

    private async Task RenewWhileBuildingAsync(IBuildLease lease, CancellationToken building)
    {
        try
        {
            while (true)
            {
                await Task.Delay(SnapshotRules.LeaseDuration / 3, time, building);
                await lease.RenewAsync(building);
            }
        }
        catch (OperationCanceledException) when (building.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreRejectedException)
        {
            // Lost (refused) or unreachable. The publish itself is conditional on the version, so a lost lease cannot give two snapshots of one version.
            logger.LogWarning(e, "The builder's lease could not be renewed");
        }
    }
}

/// <summary>What one <see cref="CommunityBuilder.BuildIfDueAsync"/> call did.</summary>
public enum CommunityBuild
{
    /// <summary>MODEL_REFRESH_INTERVAL is zero: the pool stays MovieLens alone.</summary>
    Off,

    /// <summary>The newest snapshot is younger than the interval.</summary>
    NotDue,

    /// <summary>Another builder holds the lease, or published this version first.</summary>
    AnotherBuilder,

    /// <summary>Nobody rated anything since the newest snapshot: nothing was published.</summary>
    Unchanged,

    Published,
}
