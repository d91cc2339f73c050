# Puma for the Redmine side of the benchmark (copied by install.sh to
# /var/lib/redmine/default/bench-puma.rb): production, 2 workers (one per core) x 5 threads,
# the app preloaded before forking, bound to loopback only.
environment 'production'
bind 'tcp://127.0.0.1:3000'
workers Integer(ENV.fetch('REDMINE_PUMA_WORKERS', '2'))
threads_count = Integer(ENV.fetch('REDMINE_PUMA_THREADS', '5'))
threads threads_count, threads_count
preload_app!
pidfile '/var/lib/redmine/default/tmp/pids/bench-puma.pid'
stdout_redirect '/var/log/redmine/default/bench-puma.log', '/var/log/redmine/default/bench-puma.log', true

before_fork do
  ActiveRecord::Base.connection_pool.disconnect! if defined?(ActiveRecord::Base)
end

on_worker_boot do
  ActiveRecord::Base.establish_connection if defined?(ActiveRecord::Base)
end
