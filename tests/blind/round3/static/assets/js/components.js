// components.js (test copy): tabs and accordions
(function(){document.documentElement.classList.add('js-enabled');
document.querySelectorAll('[role=tab]').forEach(function(tab){tab.addEventListener('click',function(e){e.preventDefault();
var list=tab.closest('[role=tablist]');list.querySelectorAll('[role=tab]').forEach(function(t){t.setAttribute('aria-selected','false');
document.getElementById(t.getAttribute('aria-controls')).classList.add('tabs__panel--hidden');});
tab.setAttribute('aria-selected','true');document.getElementById(tab.getAttribute('aria-controls')).classList.remove('tabs__panel--hidden');});});
document.querySelectorAll('.accordion__button').forEach(function(b){b.addEventListener('click',function(){var open=b.getAttribute('aria-expanded')==='true';
b.setAttribute('aria-expanded',String(!open));document.getElementById(b.getAttribute('aria-controls')).hidden=open;});});})();
