// Revenue (bars, left axis) and orders (line, right axis) per period: the dashboard's and the reports' chart.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

/** rows: [{label, revenue, orders}] */
export function renderSalesChart(canvas, rows, revenueLabel = 'Revenue') {
  const dark = document.documentElement.classList.contains('dark');
  const grid = dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.06)';
  const text = dark ? '#d1d5db' : '#4b5563';
  const chart = new Chart(canvas, {
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { type: 'bar', label: revenueLabel, data: rows.map((r) => Number(r.revenue)), backgroundColor: 'rgba(99,102,241,0.6)', yAxisID: 'revenue' },
        { type: 'line', label: 'Orders', data: rows.map((r) => r.orders), borderColor: '#f59e0b', backgroundColor: '#f59e0b', tension: 0.25, yAxisID: 'orders' },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { labels: { color: text } } },
      scales: {
        x: { ticks: { color: text }, grid: { color: grid } },
        revenue: { position: 'left', beginAtZero: true, ticks: { color: text }, grid: { color: grid } },
        orders: { position: 'right', beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { drawOnChartArea: false } },
      },
    },
  });
  canvas.dataset.rendered = 'true';
  return chart;
}
