# Run with `rails runner` by measure.ts: performs one REST request inside the Redmine process
# (ActionDispatch::Integration::Session, same middleware and controllers as under Puma) with SQL
# logging on, so that the exact statements behind the list can be timed raw with psql.
# Input: BENCH_PATH (e.g. /issues.json?...), BENCH_KEY (API key). Output: the SQL log on stdout,
# then STATUS=<http status>. The request is made twice; the second (warm) one is logged.
require 'logger'
path = ENV.fetch('BENCH_PATH')
headers = { 'X-Redmine-API-Key' => ENV.fetch('BENCH_KEY') }
session = ActionDispatch::Integration::Session.new(Rails.application)
session.host! '127.0.0.1'
# A first request warms the caches (settings, trackers, custom fields), as under load; only the
# second one, the steady state, is logged.
session.get path, headers: headers
logger = Logger.new($stdout)
logger.level = Logger::DEBUG
logger.formatter = proc { |_severity, _time, _prog, msg| "SQLLOG #{msg}\n" }
ActiveRecord::Base.logger = logger
session.get path, headers: headers
puts "STATUS=#{session.response.status}"
