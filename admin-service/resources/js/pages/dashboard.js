// Dashboard: revenue (bars) and orders (line) per day of the last 30, from the JSON the page embeds.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

function render() {
  const canvas = document.getElementById('sales-chart');
  const data = document.getElementById('sales-data');
  if (!canvas || !data) return;
  const days = JSON.parse(data.textContent);
  const dark = document.documentElement.classList.contains('dark');
  const grid = dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.06)';
  const text = dark ? '#d1d5db' : '#4b5563';
  new Chart(canvas, {
    data: {
      labels: days.map((d) => d.date.slice(5)),
      datasets: [
        { type: 'bar', label: 'Revenue ($)', data: days.map((d) => Number(d.revenue)), backgroundColor: 'rgba(99,102,241,0.6)', yAxisID: 'revenue' },
        { type: 'line', label: 'Orders', data: days.map((d) => d.orders), borderColor: '#f59e0b', backgroundColor: '#f59e0b', tension: 0.25, yAxisID: 'orders' },
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
}

render();
