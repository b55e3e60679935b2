"""The dashboard: charts of the queue figures from console.dashboard, with CSV export."""
