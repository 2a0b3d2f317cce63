-- wrk script: POSTs JSON to the path given in wrk's URL. BODY_KIND picks the body:
-- "recommend" asks for 3 movies for a user with ratings; "rate" rates a random well-known movie.
local kind = os.getenv("BODY_KIND") or "recommend"
local movies = {1, 2, 3, 6, 10, 32, 47, 50, 110, 150, 260, 296, 318, 356, 364, 377, 380, 457, 480, 527,
                588, 589, 590, 592, 593, 1196, 1198, 1210, 1270, 2571, 2858, 2959, 4993, 5952, 7153, 58559}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  if kind == "rate" then
    local movie = movies[math.random(#movies)]
    local stars = math.random(1, 10) / 2
    return wrk.format(nil, nil, nil, string.format('{"chat_id": "load-rater", "movie_id": %d, "rating": %.1f}', movie, stars))
  end
  return wrk.format(nil, nil, nil, '{"chat_id": "load-recommend", "top_n": 3}')
end
