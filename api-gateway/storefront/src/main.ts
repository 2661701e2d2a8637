import './styles.css';
import { startHeader } from './header';
import { accountPage } from './pages/account';
import { cartPage } from './pages/cart';
import { checkoutPage } from './pages/checkout';
import { orderPage, ordersPage } from './pages/orders';
import { productPage } from './pages/product';
import { searchPage } from './pages/search';
import { route, startRouter } from './router';

route('/', searchPage);
route('/p/:slug', productPage);
route('/cart', cartPage);
route('/checkout', checkoutPage);
route('/account', accountPage);
route('/orders', ordersPage);
route('/orders/:id', orderPage);

startHeader();
startRouter();
