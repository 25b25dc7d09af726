import{j as e}from"./index-n7roUzQ-.js";function s(){return e.jsx("section",{className:"page",children:e.jsx("h1",{children:"StockPage"})})}export{s as default};
