// Dashboard: revenue (bars) and orders (line) per day of the last 30, from the JSON the page embeds.
import { renderSalesChart } from '../charts/sales-chart';

const canvas = document.getElementById('sales-chart');
const data = document.getElementById('sales-data');
if (canvas && data) {
  renderSalesChart(canvas, JSON.parse(data.textContent).map((d) => ({ label: d.date.slice(5), revenue: d.revenue, orders: d.orders })), 'Revenue ($)');
}
